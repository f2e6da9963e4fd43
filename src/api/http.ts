import type { GlobalOptions } from '../context.js';
import { DEFAULT_PROFILE } from '../config/location.js';
import type { Connection } from '../config/resolve.js';
import { ApiError, CliError, ExitCode, InterruptedError, NetworkError, TimeoutError } from '../errors.js';
import type { IO } from '../output/io.js';
import { abortableSleep } from '../lib/sleep.js';
import { parseDuration } from '../lib/parse.js';
import { VERSION } from '../version.js';
import { nodeTransport, type Transport } from './transport.js';
import { anObject, badAnswer, nounOf, oneLine, readAnswer, type AnswerCheck } from './answers.js';
import { expandUuidPrefix } from './uuid-prefix.js';
import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  NOT_SENT_ERROR_CODES,
  parseRetryAfter,
  shouldRetryError,
  shouldRetryStatus,
  type RetryMode,
  type RetryPolicy,
} from './retry.js';

export type Query = Record<string, string | number | boolean | string[] | undefined>;

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Query;
  body?: unknown;
  retry: RetryMode;
  /** A read: sends the read-only header when --as is in use. */
  read?: boolean;
  /** What a 404 means, e.g. `task "x" not found`. */
  notFound?: string;
  /**
   * A delete: once an attempt may have acted without its answer arriving (connection lost
   * after sending, 5xx), a 404 on a later attempt means that attempt deleted it: success.
   * A 404 on the first attempt stays a real "not found".
   */
  deletes?: boolean;
}

export interface JsonSpec extends RequestSpec {
  /** What the caller uses from the answer (default: a JSON object); anything else is a bad answer, exit 1. */
  answer?: AnswerCheck;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface HttpSettings {
  io: IO;
  globals: GlobalOptions;
  signal: AbortSignal;
  longRunning: boolean;
  /** How requests go out; tests pass one over undici's MockAgent. */
  transport?: Transport;
  retryPolicy?: RetryPolicy;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const DEFAULT_DEADLINE_MS = 120_000;
const READ_AS_HEADER = 'QarnotReadOnlyRequestForAccount';

/** The one HTTP core: every API call of every command goes through here. */
export class Http {
  private readonly transport: Transport;
  private readonly policy: RetryPolicy;
  private readonly signal: AbortSignal;
  /** A verb's own limit (`--timeout`), from until(): its reason is thrown. */
  private readonly limit: AbortSignal | undefined;
  private readonly deadlineSignal: AbortSignal | undefined;
  /** Starts the default deadline again; undefined with an explicit --deadline or none. */
  private readonly rearmDeadline: (() => void) | undefined;
  readonly readAs: string | undefined;
  /** `task show 7e68b49`: each uuid prefix typed, searched once per command. */
  private readonly uuidPrefixes = new Map<string, Promise<string>>();

  constructor(
    readonly connection: Connection,
    private readonly settings: HttpSettings,
  ) {
    this.transport = settings.transport ?? nodeTransport();
    this.policy = settings.retryPolicy ?? DEFAULT_RETRY_POLICY;
    this.readAs = connection.readAs;
    // A timer longer than 2^31-1 ms fires at once: refuse it rather than time out at start.
    const explicit = settings.globals.deadline ? parseDuration('--deadline', settings.globals.deadline, 2 ** 31 - 1) : undefined;
    // --deadline 0: none at all, as kubectl's --request-timeout=0 (not "give up at once").
    if (explicit !== undefined && explicit > 0) {
      this.deadlineSignal = AbortSignal.timeout(explicit);
    } else if (explicit === undefined && !settings.longRunning) {
      // The default deadline ends a command that is stuck, not one that is making progress.
      const deadline = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      this.rearmDeadline = () => {
        clearTimeout(timer);
        timer = setTimeout(() => deadline.abort(), DEFAULT_DEADLINE_MS).unref();
      };
      this.rearmDeadline();
      this.deadlineSignal = deadline.signal;
    }
    this.signal = this.deadlineSignal ? AbortSignal.any([settings.signal, this.deadlineSignal]) : settings.signal;
  }

  /**
   * A long walk (list --all) received a page: the default deadline starts again, so
   * only a walk that stops progressing for that long is ended. An explicit --deadline
   * still bounds the whole command.
   */
  progress(): void {
    this.rearmDeadline?.();
  }

  /**
   * The same client, whose requests (and retries) also stop when `limit` aborts, throwing
   * its reason: a wait's --timeout must not be outlived by a request the API never answers.
   */
  until(limit: AbortSignal): Http {
    return Object.assign(Object.create(this) as Http, { signal: AbortSignal.any([this.signal, limit]), limit });
  }

  async json<T>(spec: JsonSpec): Promise<T> {
    const { body, wrong } = readAnswer((await this.send(spec)).text, spec.answer ?? anObject);
    if (wrong !== undefined) throw badAnswer(spec, wrong);
    return body as T;
  }

  async text(spec: RequestSpec): Promise<string> {
    return (await this.send(spec)).text;
  }

  /** Sends with retries; resolves on 2xx (and 207), rejects with a typed error otherwise. */
  async send(spec: RequestSpec): Promise<HttpResponse> {
    if (!this.connection.token) {
      throw new CliError(
        `no API token for profile "${this.connection.profile}": run "qarnot login", or set QARNOT_CLIENT_TOKEN`,
        ExitCode.Auth,
      );
    }
    const path = await expandUuidPrefix(this, spec.path, this.uuidPrefixes);
    if (path !== spec.path) spec = { ...spec, path };
    let mayHaveActed = false;
    for (let attempt = 0; ; attempt++) {
      let response: HttpResponse;
      try {
        response = await this.attempt(spec);
      } catch (error) {
        const code = (error as { code?: string }).code;
        // A create given up on in flight may have been done: a retry must not create a second one.
        this.checkAborted(spec.retry === 'create' ? `; it may have been created: check with "qarnot ${nounOf(spec.path)} list" before trying again` : '');
        if (code === undefined || !NOT_SENT_ERROR_CODES.has(code)) mayHaveActed = true;
        // Nothing listening is rarely transient: two quick retries, not the full budget.
        const budget = code === 'ECONNREFUSED' ? Math.min(2, this.policy.maxRetries) : this.policy.maxRetries;
        if (attempt < budget && shouldRetryError(spec.retry, code)) {
          await this.pause(backoffDelay(attempt, this.policy), `${code}`);
          continue;
        }
        throw this.networkError(spec, error, code);
      }
      if (response.status < 300) return response;
      if (spec.deletes && mayHaveActed && response.status === 404) {
        this.trace(`  404 after an attempt whose answer was lost: that attempt deleted ${spec.path}`);
        return { status: 204, headers: {}, text: '' };
      }
      if (response.status >= 500) mayHaveActed = true;
      if (attempt < this.policy.maxRetries && shouldRetryStatus(spec.retry, response.status)) {
        const header = response.headers['retry-after'];
        const retryAfter = parseRetryAfter(Array.isArray(header) ? header[0] : header);
        if (retryAfter !== undefined && retryAfter > this.policy.maxRetryAfterMs) {
          throw new ApiError(
            `the API is rate limiting and asks to retry in ${Math.ceil(retryAfter / 1000)} s; not waiting that long — try again later`,
            response.status,
            spec.method,
            spec.path,
          );
        }
        const delay = Math.max(retryAfter ?? 0, backoffDelay(attempt, this.policy));
        await this.pause(delay, `HTTP ${response.status}`);
        continue;
      }
      const error = toApiError(spec, response, this.connection);
      error.afterLostAnswer = mayHaveActed;
      throw error;
    }
  }

  private async attempt(spec: RequestSpec): Promise<HttpResponse> {
    const url = this.connection.apiUrl + spec.path + queryString(spec.query);
    const headers: Record<string, string> = {
      authorization: this.connection.token ?? '',
      'user-agent': `qarnot-cli/${VERSION}`,
      accept: 'application/json, text/plain',
    };
    if (spec.read && this.readAs) headers[READ_AS_HEADER] = this.readAs;
    let body: string | undefined;
    if (spec.body !== undefined) {
      body = JSON.stringify(spec.body);
      headers['content-type'] = 'application/json';
    }
    // Date.now, not performance.now: the latter loads perf_hooks on every command.
    const started = Date.now();
    this.trace(`> ${spec.method} ${url}`);
    const res = await this.transport({ method: spec.method, url, headers, body, signal: this.signal });
    this.trace(`< ${res.status} ${spec.method} ${spec.path} (${Date.now() - started} ms, ${res.text.length} B)`);
    return res;
  }

  private trace(line: string): void {
    if (this.settings.globals.verbose) this.settings.io.err(`${line}\n`);
  }

  private async pause(ms: number, why: string): Promise<void> {
    this.trace(`  retrying in ${ms} ms after ${why}`);
    await (this.settings.sleep ?? abortableSleep)(ms, this.signal);
    this.checkAborted();
  }

  private checkAborted(inFlight = ''): void {
    if (this.settings.signal.aborted) throw new InterruptedError();
    if (this.limit?.aborted) throw this.limit.reason;
    if (this.deadlineSignal?.aborted) {
      const what = this.settings.globals.deadline ? `the command's deadline (${this.settings.globals.deadline}` : 'no progress for 2m (the default deadline';
      throw new TimeoutError(`gave up after ${what}; change it with --deadline)${inFlight}`);
    }
  }

  private networkError(spec: RequestSpec, error: unknown, code: string | undefined): CliError {
    const reason = error instanceof Error ? error.message : String(error);
    return new NetworkError(
      `cannot reach the API at ${this.connection.apiUrl} (${spec.method} ${spec.path}: ${code ?? reason})` +
        (spec.retry === 'create' && code && !NOT_SENT_ERROR_CODES.has(code)
          ? `; the request may have been received: check with "qarnot ${nounOf(spec.path)} list" before trying again`
          : ''),
    );
  }
}

export function createHttp(connection: Connection, settings: HttpSettings): Http {
  return new Http(connection, settings);
}

function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, v);
    else params.append(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The API's own words from any of its error shapes: {message}, ProblemDetails, {error:{message}}, text. */
export function apiMessage(text: string): { message: string; body: unknown } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { message: oneLine(text), body: undefined };
  }
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    if (typeof b.message === 'string') return { message: b.message, body };
    if (b.error && typeof b.error === 'object' && typeof (b.error as Record<string, unknown>).message === 'string') {
      return { message: (b.error as { message: string }).message, body };
    }
    const parts: string[] = [];
    if (typeof b.title === 'string') parts.push(b.title);
    if (typeof b.detail === 'string' && b.detail !== b.title) parts.push(b.detail);
    if (b.errors && typeof b.errors === 'object') {
      for (const [field, messages] of Object.entries(b.errors as Record<string, unknown>)) {
        parts.push(`${field}: ${Array.isArray(messages) ? messages.join(', ') : String(messages)}`);
      }
    }
    if (parts.length) return { message: parts.join('; '), body };
  }
  return { message: text.trim().slice(0, 500), body };
}

/** What to do about a refused token depends on where it came from: "run qarnot login" does not replace QARNOT_CLIENT_TOKEN. */
function refusedTokenHint(connection: Connection): string {
  if (connection.sources.token === 'env') return 'the token in QARNOT_CLIENT_TOKEN was refused: check it, or unset it and run "qarnot login"';
  const context = connection.profile === DEFAULT_PROFILE ? '' : ` --context ${connection.profile}`;
  return `run "qarnot login${context}" to store a new token, or set QARNOT_CLIENT_TOKEN`;
}

function toApiError(spec: RequestSpec, response: HttpResponse, connection: Connection): ApiError {
  const { message: said, body } = apiMessage(response.text);
  // An error is one line: a message over several (a stack trace, a validation list) is joined.
  const message = said.replace(/\s*[\r\n]+\s*/g, ' ');
  const status = response.status;
  let text: string;
  if (status === 404 && spec.notFound) text = spec.notFound;
  else if (status === 401) text = `authentication failed${message ? `: ${message}` : ''}; ${refusedTokenHint(connection)}`;
  else text = message ? `${message} (HTTP ${status})` : `HTTP ${status} from ${spec.method} ${spec.path}`;
  return new ApiError(text, status, spec.method, spec.path, body);
}
