/**
 * Waiting for resources to reach a final state, for any resource: the caller
 * passes how to fetch one, how to read its state and which states end the
 * wait. Also the reporter people watch: one spinner line per resource on a
 * terminal, one stderr line per state change otherwise.
 */
import type { Http } from '../../api/http.js';
import type { Context } from '../../context.js';
import { ApiError, CliError, ExitCode, InterruptedError, isTransient, NetworkError, TimeoutError, UsageError } from '../../errors.js';
import { mapLimit } from '../../lib/map-limit.js';
import { parseDuration } from '../../lib/parse.js';
import { abortableSleep } from '../../lib/sleep.js';
import { formatDurationShort } from '../../lib/timespan.js';

export interface WaitEntry<T> {
  id: string;
  item?: T;
  state?: string;
  /** Reached a terminal state (or vanished). */
  done: boolean;
  /** The last polling error, cleared by the next success. */
  error?: string;
}

export interface WaitSpec<T> {
  ids: readonly string[];
  fetch: (id: string) => Promise<T>;
  stateOf: (item: T) => string;
  terminal: ReadonlySet<string>;
  intervalMs: number;
  /** Undefined: wait forever. */
  timeoutMs?: number;
  signal: AbortSignal;
  /** After every polling round, with every entry (for a spinner). */
  onRound?: (entries: readonly WaitEntry<T>[]) => void;
  /** When an entry's state changes (the first fetch counts as a change). */
  onChange?: (entry: WaitEntry<T>, previous: string | undefined) => void;
  /** At most this many fetches in flight (default 8). */
  concurrency?: number;
  /** Give up when transient errors last this long (default 5 minutes). */
  maxErrorStreakMs?: number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  now?: () => number;
}

/** Thrown by the requests in flight when --timeout passes (see boundedBy). */
export class TimeoutPassed extends TimeoutError {}

/**
 * The client for a wait or follow with --timeout: a request still in flight when it passes
 * is abandoned (a hung API would otherwise hold the command for the transport's minutes
 * of timeouts and retries), throwing a TimeoutPassed.
 */
export function boundedBy(http: Http, timeoutMs: number | undefined): Http {
  // --timeout 0 asks for one look: that look is let through.
  if (timeoutMs === undefined || timeoutMs === 0) return http;
  const limit = new AbortController();
  setTimeout(() => limit.abort(new TimeoutPassed(`still running after ${Math.round(timeoutMs / 1000)} s; stopped`)), timeoutMs).unref();
  return http.until(limit.signal);
}

export interface WaitResult<T> {
  entries: WaitEntry<T>[];
  timedOut: boolean;
}

/** The state given to a resource that answered 404 while waited for. */
export const VANISHED_STATE = 'NotFound';

/**
 * Polls every resource not yet final, every `intervalMs`, until all are
 * final or the timeout passes. Fails as `show` would on what waiting cannot
 * mend: authentication, permission, bad requests, and an API not reached on
 * the first round. Later transient errors (network, 5xx; the HTTP layer
 * already retried them) are recorded on the entry and the polling goes on,
 * for up to `maxErrorStreakMs`; a 404 ends the wait for that resource with
 * state `NotFound`. Ctrl-C throws InterruptedError.
 */
export async function waitForStates<T>(spec: WaitSpec<T>): Promise<WaitResult<T>> {
  const now = spec.now ?? (() => performance.now());
  const sleep = spec.sleep ?? abortableSleep;
  const started = now();
  const entries: WaitEntry<T>[] = [...new Set(spec.ids)].map((id) => ({ id, done: false }));
  let reached = false;
  let errorStreakStart: number | undefined;
  for (;;) {
    const pending = entries.filter((e) => !e.done);
    let failed: unknown;
    let timedOut = false;
    await mapLimit(pending, spec.concurrency ?? 8, async (entry) => {
      try {
        const item = await spec.fetch(entry.id);
        reached = true;
        const previous = entry.state;
        entry.item = item;
        entry.state = spec.stateOf(item);
        entry.error = undefined;
        entry.done = spec.terminal.has(entry.state);
        if (previous !== entry.state) spec.onChange?.(entry, previous);
      } catch (error) {
        if (spec.signal.aborted || error instanceof InterruptedError) throw new InterruptedError();
        if (error instanceof TimeoutPassed) {
          timedOut = true;
          return;
        }
        if (error instanceof ApiError && error.status === 404) {
          const previous = entry.state;
          entry.state = VANISHED_STATE;
          entry.done = true;
          entry.error = error.message;
          spec.onChange?.(entry, previous);
          return;
        }
        if (!isTransient(error) || (!reached && error instanceof NetworkError)) throw error;
        failed = error;
        entry.error = error instanceof Error ? error.message : String(error);
      }
    });
    if (failed === undefined) errorStreakStart = undefined;
    else if (errorStreakStart === undefined) errorStreakStart = now();
    else if (now() - errorStreakStart > (spec.maxErrorStreakMs ?? 5 * 60_000)) throw failed;
    spec.onRound?.(entries);
    if (timedOut) return { entries, timedOut: true };
    if (entries.every((e) => e.done)) return { entries, timedOut: false };
    const elapsed = now() - started;
    if (spec.timeoutMs !== undefined && elapsed >= spec.timeoutMs) return { entries, timedOut: true };
    const remaining = spec.timeoutMs === undefined ? spec.intervalMs : Math.min(spec.intervalMs, spec.timeoutMs - elapsed);
    await sleep(Math.max(0, remaining), spec.signal);
    if (spec.signal.aborted) throw new InterruptedError();
  }
}



export interface WaitOneSpec<T> extends Omit<WaitSpec<T>, 'ids' | 'signal' | 'onRound' | 'onChange'> {
  /** `pool`, `job`: for the messages. */
  noun: string;
  id: string;
  /** The --timeout text, for the message when it passes. */
  timeout?: string;
}

/**
 * `pool wait` and `job wait`: one resource, with the reporter on stderr (put back as it
 * was on Ctrl-C). Throws a TimeoutError when the timeout passes and exit 3 when the
 * resource does not exist; otherwise returns its last entry.
 */
export async function waitForOne<T>(ctx: Context, spec: WaitOneSpec<T>, reporter: WaitReporter<T>): Promise<WaitEntry<T>> {
  const { noun, id, timeout, ...wait } = spec;
  let result: WaitResult<T>;
  try {
    result = await waitForStates<T>({ ...wait, ids: [id], signal: ctx.signal, onChange: reporter.onChange, onRound: reporter.onRound });
  } catch (error) {
    reporter.stop([]);
    throw error;
  }
  reporter.stop(result.entries);
  const entry = result.entries[0]!;
  if (result.timedOut) {
    // Not "still X" when the last polls failed: X is only what was last seen.
    if (entry.error) throw new TimeoutError(`${noun} ${id}: gave up after ${timeout}; last seen ${entry.state ?? 'nowhere'}, then: ${entry.error}`);
    throw new TimeoutError(`${noun} ${id} is still ${entry.state ?? 'unknown'} after ${timeout}`);
  }
  if (entry.state === VANISHED_STATE) throw new CliError(entry.error ?? `${noun} "${id}" not found`, ExitCode.NotFound);
  return entry;
}

// ---- Reporting ----------------------------------------------------------

export interface WaitReporter<T> {
  onChange(entry: WaitEntry<T>, previous: string | undefined): void;
  onRound(entries: readonly WaitEntry<T>[]): void;
  /** Stops the spinner, leaving each resource's final line on screen. */
  stop(entries: readonly WaitEntry<T>[]): void;
}

export interface ReporterOptions<T> {
  /** One line about a resource, without a trailing newline (state, progress ...). */
  describe: (entry: WaitEntry<T>, elapsedMs: number, color: Context['io']['colorErr']) => string;
  /** Which final states count as success (a ✓ rather than a ✗). */
  succeeded: (state: string | undefined) => boolean;
}

/**
 * On a terminal (stderr is a TTY): one ora spinner whose text holds a line per
 * resource, redrawn every round. Otherwise: one plain line per state change.
 */
export async function createWaitReporter<T>(ctx: Context, options: ReporterOptions<T>): Promise<WaitReporter<T>> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const c = ctx.io.colorErr;
  // A terminal reporting no width (some ptys) sends ora's line counting into a loop: no spinner then.
  const columns = (ctx.io.stderr as { columns?: number }).columns;
  if (!ctx.io.stderrIsTTY || !columns || ctx.env.TERM === 'dumb' || ctx.globals.quiet) {
    // A line when the state changes, and when polling starts failing or works again: a log
    // must not stay silent for minutes while the API cannot be reached.
    const shownError = new Map<string, string | undefined>();
    const print = (entry: WaitEntry<T>) => {
      shownError.set(entry.id, entry.error);
      if (!ctx.globals.quiet) ctx.io.err(`${options.describe(entry, elapsed(), c)}\n`);
    };
    return {
      onChange: print,
      onRound: (entries) => {
        for (const entry of entries) if (entry.error !== shownError.get(entry.id)) print(entry);
      },
      stop: () => {},
    };
  }
  const { default: ora } = await import('ora');
  // Whether to spin was decided above, from our own view of the terminal (ora's would also turn it off under CI).
  const spinner = ora({ stream: ctx.io.stderr, discardStdin: false, isEnabled: true, text: 'waiting…' }).start();
  const render = (entries: readonly WaitEntry<T>[]) =>
    entries
      .map((e) => {
        const mark = !e.done ? ' ' : options.succeeded(e.state) ? c.green('✓') : c.red('✗');
        return `${mark} ${options.describe(e, elapsed(), c)}`;
      })
      .join('\n');
  return {
    onChange: () => {},
    onRound: (entries) => {
      spinner.text = render(entries);
    },
    stop: (entries) => {
      spinner.stop();
      if (entries.length) ctx.io.err(`${render(entries)}\n`);
    },
  };
}

export interface OutputWatch<T> {
  /** The resource as last fetched by the follower. */
  seen(item: T): void;
  /** Stops the reporter for good: called before the first output is written, and at the end. */
  outputStarts(): void;
}

/**
 * A followed resource prints nothing while queued or starting (minutes on the real
 * platform): until its output starts, the reporter shows its state (a spinner line on a
 * terminal, erased before the first byte of output; one line per state change otherwise).
 * Final states are left to the caller's outcome line.
 */
export function reportUntilOutput<T>(reporter: WaitReporter<T>, id: string, stateOf: (item: T) => string, isFinal: (state: string) => boolean): OutputWatch<T> {
  const entry: WaitEntry<T> = { id, done: false };
  let active = true;
  return {
    seen: (item) => {
      const state = stateOf(item);
      if (!active || isFinal(state)) return;
      const previous = entry.state;
      Object.assign(entry, { item, state });
      if (previous !== state) reporter.onChange(entry, previous);
      reporter.onRound([entry]);
    },
    outputStarts: () => {
      if (active) reporter.stop([]);
      active = false;
    },
  };
}

export function elapsedText(ms: number): string {
  return formatDurationShort(ms);
}

/** `--interval`: how often to poll; faster than 100 ms only loads the API. */
export function parseInterval(raw: string | undefined, defaultMs: number): number {
  if (raw === undefined) return defaultMs;
  const ms = parseDuration('--interval', raw);
  if (ms < 100) throw new UsageError(`--interval must be at least 100ms, got "${raw}"`);
  return ms;
}
