import { createHash } from 'node:crypto';
import { getMaxListeners, setMaxListeners } from 'node:events';
import type { Agent, IncomingMessage, request as httpRequest } from 'node:http';
import type { Readable } from 'node:stream';
import aws4 from 'aws4';
import { CliError, InterruptedError, NetworkError } from '../errors.js';
import { backoffDelay, MAYBE_SENT_ERROR_CODES, NOT_SENT_ERROR_CODES, type RetryPolicy } from '../api/retry.js';
import { abortableSleep } from '../lib/sleep.js';
import { VERSION } from '../version.js';
import { errorCode, isRetryableStorageAnswer, storageError } from './errors.js';

/** Where the storage is and who we are there: access key = account e-mail, secret = API token. */
export interface StorageEndpoint {
  url: string;
  accessKey: string;
  secretKey: string;
  region: string;
}

/** A body read from disk: opened again for each attempt, never held in memory. */
export interface StreamBody {
  length: number;
  open(): Readable;
  /** Why the source is no longer what was read, asked after its last byte and before the request ends. */
  changed?(): string | undefined;
}

export interface S3Request {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE' | 'HEAD';
  bucket?: string;
  key?: string;
  query?: Record<string, string | undefined>;
  headers?: Record<string, string>;
  body?: string | Buffer | StreamBody;
  /** A delete: a 404 after an attempt whose answer was lost means that attempt did it. */
  deletes?: boolean;
  /** Clean-up (aborting a multipart upload): still sent once after Ctrl-C, so no parts are left stored. */
  cleanup?: boolean;
}

export interface S3Response {
  status: number;
  headers: IncomingMessage['headers'];
  text: string;
  /** MD5 (hex) of the streamed body as sent, to compare with the ETag. */
  sentMd5?: string;
}

export interface ClientSettings {
  signal: AbortSignal;
  /** --verbose: one line per request and answer, signatures never in them. */
  trace?: (line: string) => void;
  retryPolicy?: RetryPolicy;
  /** Connections kept per host: the transfer concurrency. */
  maxSockets?: number;
  /** Called when a request is retried (counted in the summary). */
  onRetry?: () => void;
}

// More tries than the API's: a transfer of thousands of requests meets more faults.
const STORAGE_RETRY_POLICY: RetryPolicy = { maxRetries: 8, baseDelayMs: 200, maxDelayMs: 10_000, maxRetryAfterMs: 60_000 };
const CONNECT_TIMEOUT_MS = 10_000;
const IDLE_TIMEOUT_MS = 120_000;

/** S3 over node:http: path-style addressing, SigV4 by aws4, retries with backoff. */
export class S3Client {
  private readonly base: URL;
  private readonly agent: Agent;
  private readonly send: typeof httpRequest;
  private readonly policy: RetryPolicy;

  constructor(
    readonly endpoint: StorageEndpoint,
    private readonly settings: ClientSettings,
  ) {
    this.base = new URL(endpoint.url);
    // node:https (and TLS with it) only for an https storage.
    const m = this.base.protocol === 'https:' ? process.getBuiltinModule('node:https') : process.getBuiltinModule('node:http');
    this.agent = new m.Agent({ keepAlive: true, maxSockets: settings.maxSockets ?? 16 });
    this.send = m.request as typeof httpRequest;
    this.policy = settings.retryPolicy ?? STORAGE_RETRY_POLICY;
    // Ctrl-C ends every request at once. Not a signal per request: thousands of them
    // would each add a listener to the one signal.
    settings.signal.addEventListener('abort', () => this.agent.destroy(), { once: true });
    // Each request waiting out a backoff listens to the signal too: 16 at once (503s, resets)
    // printed "MaxListenersExceededWarning: Possible EventTarget memory leak" in the middle of a sync.
    setMaxListeners(Math.max(getMaxListeners(settings.signal), 256), settings.signal);
  }

  /** A request whose answer is read whole (XML listings, errors, empty bodies). */
  async request(req: S3Request): Promise<S3Response> {
    return this.withRetries(req, async (res) => ({ text: await readText(res) }));
  }

  /**
   * A request whose 2xx answer body goes to `sink` as a stream. On a failure
   * the whole exchange is tried again and the sink is called anew: it must
   * start over (truncate what it wrote).
   */
  async stream(req: S3Request, sink: (body: IncomingMessage) => Promise<void>): Promise<S3Response> {
    return this.withRetries(req, async (res) => {
      if (res.statusCode! >= 300) return { text: await readText(res) };
      await sink(res);
      return { text: '' };
    });
  }

  close(): void {
    this.agent.destroy();
  }

  private async withRetries(req: S3Request, read: (res: IncomingMessage) => Promise<{ text: string }>): Promise<S3Response> {
    let mayHaveActed = false;
    for (let attempt = 0; ; attempt++) {
      // After Ctrl-C nothing new starts: the agent's sockets are gone, but it would open others
      // for the requests still to come (the remaining parts ran on until the forced exit).
      if (this.settings.signal.aborted && !(req.cleanup && attempt === 0)) throw new InterruptedError();
      let response: S3Response;
      try {
        response = await this.attempt(req, read);
      } catch (error) {
        if (this.settings.signal.aborted) throw new InterruptedError();
        if (error instanceof LocalFileError) throw error;
        const code = (error as { code?: string }).code;
        if (code === undefined || !NOT_SENT_ERROR_CODES.has(code)) mayHaveActed = true;
        const retryable = code !== undefined && (NOT_SENT_ERROR_CODES.has(code) || MAYBE_SENT_ERROR_CODES.has(code));
        const budget = code === 'ECONNREFUSED' ? Math.min(2, this.policy.maxRetries) : this.policy.maxRetries;
        if (retryable && attempt < budget) {
          await this.pause(attempt, code);
          continue;
        }
        const reason = error instanceof Error ? error.message : String(error);
        throw new NetworkError(`cannot reach the storage at ${this.base.origin} (${req.method} ${this.describe(req)}: ${code ?? reason})`);
      }
      if (response.status < 300 || (req.method === 'GET' && response.status === 304)) return response;
      if (req.deletes && mayHaveActed && response.status === 404) return { ...response, status: 204 };
      const { code } = errorCode(response.status, response.text);
      if (response.status >= 500) mayHaveActed = true;
      if (isRetryableStorageAnswer(response.status, code) && attempt < this.policy.maxRetries) {
        await this.pause(attempt, `HTTP ${response.status} ${code}`);
        continue;
      }
      throw storageError(response.status, response.text, { method: req.method, bucket: req.bucket, key: req.key, accessKey: this.endpoint.accessKey });
    }
  }

  private async pause(attempt: number, why: string): Promise<void> {
    const delay = backoffDelay(attempt, this.policy);
    this.settings.onRetry?.();
    this.trace(`  retrying in ${delay} ms after ${why}`);
    await abortableSleep(delay, this.settings.signal);
    if (this.settings.signal.aborted) throw new InterruptedError();
  }

  private attempt(req: S3Request, read: (res: IncomingMessage) => Promise<{ text: string }>): Promise<S3Response> {
    const path = this.pathOf(req);
    const body = req.body;
    const streamed = body !== undefined && typeof body !== 'string' && !Buffer.isBuffer(body);
    const headers: Record<string, string> = { 'user-agent': `qarnot-cli/${VERSION}`, ...req.headers };
    // File contents are not SHA-256'd for the signature: a streamed body would be read twice,
    // and a buffered one (small files, parts from stdin) goes with its Content-MD5, which the
    // storage checks. A streamed body's MD5, computed on the way, is checked against the ETag.
    if (streamed || Buffer.isBuffer(body)) headers['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
    const length = body === undefined ? 0 : streamed ? body.length : Buffer.byteLength(body);
    if (body !== undefined || req.method === 'PUT' || req.method === 'POST') headers['content-length'] = String(length);
    const signed = aws4.sign(
      {
        host: this.base.host,
        method: req.method,
        path,
        service: 's3',
        region: this.endpoint.region,
        headers,
        body: typeof body === 'string' ? body : undefined,
      },
      { accessKeyId: this.endpoint.accessKey, secretAccessKey: this.endpoint.secretKey },
    );
    const started = Date.now();
    this.trace(`> ${req.method} ${this.base.origin}${path}`);
    return new Promise<S3Response>((resolve, reject) => {
      const hash = streamed ? createHash('md5') : undefined;
      const request = this.send(
        { protocol: this.base.protocol, hostname: this.base.hostname, port: this.base.port, method: req.method, path, headers: signed.headers as Record<string, string>, agent: this.agent },
        (res) => {
          res.on('aborted', () => res.destroy(Object.assign(new Error('the connection closed in the middle of the answer'), { code: 'ECONNRESET' })));
          read(res).then(({ text }) => {
            this.trace(`< ${res.statusCode} ${req.method} ${this.describe(req)} (${Date.now() - started} ms)`);
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text, sentMd5: hash?.digest('hex') });
          }, reject);
        },
      );
      const fail = (code: string, message: string) => request.destroy(Object.assign(new Error(message), { code }));
      request.on('error', reject);
      request.setTimeout(IDLE_TIMEOUT_MS, () => fail('IDLE_TIMEOUT', `no answer for ${IDLE_TIMEOUT_MS / 1000} s`));
      request.on('socket', (socket) => {
        if (!socket.connecting) return;
        const timer = setTimeout(() => fail('CONNECT_TIMEOUT', `could not connect in ${CONNECT_TIMEOUT_MS / 1000} s`), CONNECT_TIMEOUT_MS);
        socket.once('connect', () => clearTimeout(timer));
        socket.once('close', () => clearTimeout(timer));
      });
      if (!streamed) {
        request.end(body);
        return;
      }
      // A local file that cannot be read, or that shrank since it was listed (the storage would
      // wait for the missing bytes until the idle timeout, then again on each retry), fails the
      // file alone: no retry, and not "cannot reach the storage".
      const source = body.open();
      let bytesRead = 0;
      source.on('error', (error: NodeJS.ErrnoException) => request.destroy(new LocalFileError(`cannot read "${error.path ?? 'the file'}" (${error.code ?? error.message})`)));
      const changedFile = (how: string) => request.destroy(new LocalFileError(`the file changed while it was sent (${how}); run again to send it as it is now`));
      source.on('data', (chunk: Buffer) => {
        bytesRead += chunk.length;
        hash!.update(chunk);
        // Asked before the pipe (a later listener) writes the last chunk: once the storage has
        // every byte, it keeps the object whatever becomes of the request.
        const changed = bytesRead === length ? body.changed?.() : undefined;
        if (changed !== undefined) changedFile(changed);
      });
      source.on('end', () => {
        if (bytesRead !== length) changedFile(`${bytesRead} bytes read of ${length}`);
      });
      source.pipe(request);
    });
  }

  /** Path-style: /bucket/key, each key segment percent-encoded (aws4 signs the same form). */
  private pathOf(req: S3Request): string {
    const prefix = this.base.pathname.replace(/\/+$/, '');
    let path = `${prefix}/`;
    if (req.bucket !== undefined) path += encodeURIComponent(req.bucket);
    if (req.key !== undefined) path += `/${req.key.split('/').map(encodeURIComponent).join('/')}`;
    const query = Object.entries(req.query ?? {}).filter((e): e is [string, string] => e[1] !== undefined);
    if (query.length > 0) path += `?${query.map(([k, v]) => (v === '' ? encodeURIComponent(k) : `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)).join('&')}`;
    return path;
  }

  private describe(req: S3Request): string {
    return req.bucket === undefined ? '/' : req.key === undefined ? req.bucket : `${req.bucket}/${req.key}`;
  }

  private trace(line: string): void {
    // Presigned query strings would carry a signature: never printed.
    this.settings.trace?.(line.replace(/(X-Amz-(Signature|Credential|Security-Token)=)[^&\s]+/gi, '$1***'));
  }
}

/** The local side of an upload failed: that file fails, the transfer goes on. */
class LocalFileError extends CliError {}

async function readText(res: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** ETags come quoted: `"d41d8..."` or `"abc...-3"`. */
export function unquoteEtag(etag: string | string[] | undefined): string {
  const value = Array.isArray(etag) ? etag[0] : etag;
  return (value ?? '').replace(/^(W\/)?"|"$/g, '');
}
