/**
 * Following live output (`task stdout -f`, `task run`, and pools'
 * equivalents). Resource-agnostic: the caller passes how to read each
 * stream's whole buffer and how to tell that the resource has finished.
 *
 * Why the whole buffer (GET) and not the "fresh" endpoint (POST):
 * - POST moves a cursor on the server. If its answer is lost (a reset, a
 *   timeout, a 5xx from a proxy after the server acted), the lines it carried
 *   are gone for good, and it cannot be retried safely. GET is idempotent:
 *   the HTTP layer retries it, and a failed poll just means the next poll
 *   sees the same lines again.
 * - The cursor is shared with every other reader of the task (another
 *   terminal, a script using `--fresh`, the SDKs): a follower on POST would
 *   steal their lines and they would steal ours. GET disturbs nobody.
 * So every poll reads the whole buffer and prints only what lies beyond what
 * was already printed (BufferTracker). The buffer rotates past a size cap
 * (the oldest lines are dropped); the tracker re-anchors on the tail it has
 * already printed, so rotation repeats no line, and a loss it cannot rule
 * out (output that repeats itself across a rotation) is said on stderr. The price is
 * bandwidth (the buffer is at most ~1 MiB per stream), paid only while
 * following.
 *
 * Line-buffered: a line is printed only once its newline has arrived; the
 * unterminated tail is printed (with a newline) only when the resource ends.
 */
import type { ChalkInstance } from 'chalk';
import { CliError, InterruptedError, isTransient, NetworkError, TimeoutError, UsageError } from '../../errors.js';
import { parseDuration, parseInteger } from '../../lib/parse.js';
import { abortableSleep } from '../../lib/sleep.js';
import { BufferTracker } from './buffer-tracker.js';
import { TimeoutPassed } from './wait.js';


// ---- Decorating lines --------------------------------------------------

const INSTANCE_PREFIX_RE = /^(\d+)> /;
const PALETTE = ['cyan', 'magenta', 'yellow', 'green', 'blue', 'red', 'cyanBright', 'magentaBright', 'yellowBright', 'greenBright', 'blueBright', 'redBright'] as const;

export interface DecorateOptions {
  /** Colours the `N> ` instance prefix (level 0: no colour). */
  color: ChalkInstance;
  /** Prefix each line with the time it was received. */
  timestamps: boolean;
}

/**
 * Prefixes kept as the API gives them (`N> `), coloured per instance on a
 * terminal; an optional receive timestamp in front.
 */
export function decorateLines(text: string, options: DecorateOptions, receivedAt: Date): string {
  if (!text) return '';
  const stamp = options.timestamps ? `${receivedAt.toISOString()} ` : '';
  const colored = options.color.level > 0;
  if (!stamp && !colored) return text;
  const lines = text.split('\n');
  lines.pop(); // text ends with "\n"
  return lines
    .map((line) => {
      let shown = line;
      if (colored) {
        const m = INSTANCE_PREFIX_RE.exec(line);
        if (m) shown = options.color[PALETTE[Number(m[1]) % PALETTE.length]!](m[0]) + line.slice(m[0].length);
      }
      return `${stamp}${shown}\n`;
    })
    .join('');
}

// ---- The polling loop ----------------------------------------------------

export interface FollowSource {
  /** For messages: "stdout", "stderr". */
  name: string;
  /** The stream's whole current buffer (idempotent: a GET). */
  read: () => Promise<string>;
  /** Receives new complete lines, received at `at`. */
  write: (lines: string, at: Date) => void;
}

export interface FollowTiming {
  /** Poll interval while output flows. */
  fastMs: number;
  /** Idle backoff cap during the first `quietAfterMs` of silence. */
  idleMs: number;
  /** Interval after a long silence, when one stream is read per tick (in turn). */
  quietMs: number;
  quietAfterMs: number;
  /** How often the state is checked while output flows. */
  stateBusyMs: number;
  /** ... soon after output stopped (the resource may be ending). */
  stateIdleMs: number;
  /** ... after a long silence. */
  stateQuietMs: number;
  /** Give up after transient errors lasting this long. */
  maxErrorStreakMs: number;
}

/**
 * While output flows (and for a second after): every 250 ms, so a line
 * shows within ~¼ s. When it stops: 500 ms, then 1 s, so a line after a short
 * pause still shows within ~1 s, and the state every second: a task usually
 * ends when its output does, and `task run` should return as soon as it has.
 * After 3 s of silence: one request every 2 s, taking the streams in turn,
 * plus a state check every 10 s. A silence of 20 s costs under one request
 * per second on average, a longer one ~0.6/s, whatever the number of streams.
 */
const DEFAULT_FOLLOW_TIMING: FollowTiming = {
  fastMs: 250,
  idleMs: 1000,
  quietMs: 2000,
  quietAfterMs: 3000,
  stateBusyMs: 5000,
  stateIdleMs: 1000,
  stateQuietMs: 10_000,
  maxErrorStreakMs: 5 * 60_000,
};

export interface FollowOptions {
  sources: FollowSource[];
  /** Fetches the resource; true once it is in a final state. */
  isFinished: () => Promise<boolean>;
  signal: AbortSignal;
  /** Give up (TimeoutError, exit 124) after this long; the resource keeps running. */
  timeoutMs?: number;
  timing?: Partial<FollowTiming>;
  /** Told once per streak of transient errors, and when lines were lost upstream. */
  warn?: (message: string) => void;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  now?: () => number;
}

/**
 * Prints new output until the resource finishes, then drains each stream
 * once more (everything written before the final state is printed) and the
 * unterminated tails. Ctrl-C throws InterruptedError.
 */
export async function followOutput(options: FollowOptions): Promise<void> {
  const timing = { ...DEFAULT_FOLLOW_TIMING, ...options.timing };
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? abortableSleep;
  const { signal } = options;
  const trackers = options.sources.map(() => new BufferTracker());
  const reported = options.sources.map(() => ({ lost: false, maybeLost: false }));

  let lastOutputAt = now();
  let lastStateAt = -Infinity;
  let interval = timing.fastMs;
  let finished = false;
  let errorStreakStart: number | undefined;
  let reached = false;

  const started = now();
  let looked = false;
  /** `timedOut`: a request in flight was abandoned as the timeout passed (see boundedBy). */
  const checkAbort = (timedOut = false) => {
    if (signal.aborted) throw new InterruptedError();
    // The resource is looked at once at least: "--timeout 0" on one that has ended prints its output.
    if (options.timeoutMs !== undefined && looked && (timedOut || now() - started >= options.timeoutMs)) {
      throw new TimeoutError(`still running after ${Math.round(options.timeoutMs / 1000)} s; stopped following`);
    }
  };

  let turn = 0;
  /** Reads the given streams (all of them, or one in turn when quiet); true if any printed. */
  const poll = async (which: number[]): Promise<boolean> => {
    let got = false;
    for (const i of which) {
      const source = options.sources[i]!;
      const tracker = trackers[i]!;
      const text = tracker.update(await source.read());
      const told = reported[i]!;
      if (tracker.lost && !told.lost) {
        told.lost = true;
        options.warn?.(`${source.name}: more output was written between two reads than the server keeps; some lines were lost`);
      }
      if (tracker.maybeLost && !told.maybeLost && !told.lost) {
        told.maybeLost = true;
        options.warn?.(`${source.name}: the output repeats itself and the server's buffer rotated, so where new lines start cannot be known; some lines may have been lost`);
      }
      if (text) {
        source.write(text, new Date());
        got = true;
      }
    }
    return got;
  };
  const all = options.sources.map((_, i) => i);

  for (;;) {
    checkAbort();
    looked = true;
    try {
      const t = now();
      const silentFor = t - lastOutputAt;
      const quiet = silentFor >= timing.quietAfterMs;
      const stateEvery = silentFor < timing.fastMs * 2 ? timing.stateBusyMs : quiet ? timing.stateQuietMs : timing.stateIdleMs;
      if (t - lastStateAt >= stateEvery) {
        finished = await options.isFinished();
        lastStateAt = now();
      }
      // The drain after the final state reads every stream; a quiet tick reads one.
      const got = await poll(finished || !quiet ? all : [turn++ % all.length]);
      reached = true;
      if (errorStreakStart !== undefined) errorStreakStart = undefined;
      if (finished) {
        // This read came after the final state was seen: it holds everything.
        options.sources.forEach((source, i) => {
          const rest = trackers[i]!.flush();
          if (rest) source.write(rest, new Date());
        });
        return;
      }
      if (got) {
        lastOutputAt = now();
        interval = timing.fastMs;
      } else if (now() - lastOutputAt < timing.idleMs) {
        // Output often comes in a rhythm (a line every half second): stay fast for a second.
        interval = timing.fastMs;
      } else if (now() - lastOutputAt < timing.quietAfterMs) {
        interval = Math.min(interval * 2, timing.idleMs);
      } else {
        interval = timing.quietMs;
      }
    } catch (error) {
      checkAbort(error instanceof TimeoutPassed);
      if (error instanceof InterruptedError) throw error;
      if (!isTransient(error)) throw error;
      // An API never reached (wrong URL, nothing listening) is not waited out: the HTTP layer already retried.
      if (!reached && error instanceof NetworkError) throw error;
      // Nothing was consumed: the next read sees the same lines again.
      const t = now();
      if (errorStreakStart === undefined) {
        errorStreakStart = t;
        options.warn?.(`${(error as CliError).message}; still following…`);
      } else if (t - errorStreakStart > timing.maxErrorStreakMs) {
        throw error;
      }
      interval = Math.min(Math.max(interval * 2, 1000), 5000);
    }
    const left = options.timeoutMs === undefined ? interval : Math.max(0, Math.min(interval, options.timeoutMs - (now() - started)));
    await sleep(left, signal);
  }
}

/** The flags of `task|pool stdout|stderr`, shared by both nouns. */
export interface OutputFlags {
  instance?: string;
  fresh?: boolean;
  follow?: boolean;
  timestamps?: boolean;
  timeout?: string;
}

/** Checks the combinations (exit 2, nothing sent): the instance number, and the timeout in ms. */
export function parseOutputFlags(opts: OutputFlags): { instance: number | undefined; timeoutMs: number | undefined } {
  const instance = opts.instance === undefined ? undefined : parseInteger('--instance', opts.instance, { min: 0 });
  if (opts.follow && opts.fresh) {
    throw new UsageError('--fresh cannot be used with -f: following reads the whole buffer and prints only what is new, without moving the shared cursor');
  }
  if (opts.timestamps && !opts.follow) throw new UsageError('--timestamps needs -f: it is the time each line was received');
  if (opts.timeout !== undefined && !opts.follow) throw new UsageError('--timeout needs -f');
  return { instance, timeoutMs: opts.timeout === undefined ? undefined : parseDuration('--timeout', opts.timeout) };
}
