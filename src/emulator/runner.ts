import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { INSTANCE_MARKER_VAR, Sweeper, newMarker } from './escapees.js';

export interface RunRequest {
  command: string;
  cwd: string;
  env: Record<string, string>;
  onStdout: (chunk: Buffer) => void;
  onStderr: (chunk: Buffer) => void;
  onStart?: (pid: number) => void;
}

export interface RunResult {
  /** Exit code, or null when killed by a signal / cancelled before starting. */
  code: number | null;
  signal: string | null;
  cancelled: boolean;
  spawnError?: string;
}

export interface RunHandle {
  done: Promise<RunResult>;
  cancel(): void;
}

interface Live {
  child: ChildProcess;
  marker: string;
  closed: Promise<void>;
}

const KILL_GRACE_MS = 2000;
/**
 * Once the command ended and its processes were sent SIGKILL, how long its output pipes may
 * stay open (output still buffered in them) before they are closed: a process that could not
 * be killed (another user's) must not hold the instance, and its task, forever.
 */
const PIPE_GRACE_MS = 2000;

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the whole group is already gone.
  }
}

/**
 * Runs instance commands with `/bin/sh -c` on the host, each in its own process group so that a
 * cancel kills the command and everything it started; processes that left the group are found
 * by their marker variable (see escapees.ts). Caps how many run at once; the rest queue.
 */
export class Runner {
  private running = 0;
  private readonly queue: { req: RunRequest; start: () => void; cancelled: boolean }[] = [];
  private readonly live = new Set<Live>();
  private stopped = false;
  private readonly sweeper = new Sweeper();

  /** Last resort if the emulator dies without stop(): detached groups would outlive it. */
  private readonly onExit = () => {
    for (const l of this.live) if (l.child.pid) killGroup(l.child.pid, 'SIGKILL');
    this.sweeper.killNow([...this.live].map((l) => l.marker));
  };

  /** The instance's process group and every process that left it. */
  private signal(pid: number, marker: string, signal: NodeJS.Signals): void {
    killGroup(pid, signal);
    this.sweeper.request(marker, signal);
  }

  constructor(private readonly maxConcurrent = 64) {
    process.on('exit', this.onExit);
  }

  get activeCount(): number {
    return this.running;
  }

  run(req: RunRequest): RunHandle {
    let resolve!: (r: RunResult) => void;
    const done = new Promise<RunResult>((r) => (resolve = r));
    let child: ChildProcess | null = null;
    const marker = newMarker();
    let cancelled = false;
    const entry = { req, cancelled: false, start: () => {} };
    entry.start = () => {
      if (entry.cancelled || this.stopped) {
        resolve({ code: null, signal: null, cancelled: true });
        this.next();
        return;
      }
      this.running++;
      try {
        mkdirSync(req.cwd, { recursive: true });
        child = spawn('/bin/sh', ['-c', withWatchdog(marker), 'qarnot-instance', req.command], {
          cwd: req.cwd,
          env: { ...req.env, [INSTANCE_MARKER_VAR]: marker },
          detached: true,
          // fd 3: the watchdog's lifeline, never written; it reads EOF when the emulator dies.
          stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
        });
      } catch (e) {
        this.running--;
        resolve({ code: null, signal: null, cancelled: false, spawnError: (e as Error).message });
        this.next();
        return;
      }
      const c = child;
      if (c.stdout) throttled(c.stdout, req.onStdout);
      if (c.stderr) throttled(c.stderr, req.onStderr);
      let exit: { code: number | null; signal: string | null } = { code: null, signal: null };
      let spawnError: string | undefined;
      c.on('error', (err) => (spawnError = err.message));
      let pipeTimer: NodeJS.Timeout | undefined;
      c.on('exit', (code, signal) => {
        exit = { code, signal };
        // The instance ends with its command: reap what it left running in the background.
        if (c.pid) this.signal(c.pid, marker, 'SIGKILL');
        pipeTimer = setTimeout(() => {
          for (const stream of c.stdio) stream?.destroy();
        }, PIPE_GRACE_MS);
      });
      const closed = new Promise<void>((r) =>
        c.on('close', () => {
          clearTimeout(pipeTimer);
          r();
        }),
      );
      const live: Live = { child: c, marker, closed };
      this.live.add(live);
      if (c.pid && req.onStart) req.onStart(c.pid);
      void closed.then(() => {
        this.live.delete(live);
        this.running--;
        resolve({ ...exit, cancelled, ...(spawnError ? { spawnError } : {}) });
        this.next();
      });
    };
    if (this.running < this.maxConcurrent && !this.stopped) entry.start();
    else this.queue.push(entry);
    return {
      done,
      cancel: () => {
        cancelled = true;
        entry.cancelled = true;
        const c = child;
        if (c?.pid && c.exitCode === null && c.signalCode === null) {
          this.signal(c.pid, marker, 'SIGTERM');
          const t = setTimeout(() => this.signal(c.pid!, marker, 'SIGKILL'), KILL_GRACE_MS);
          t.unref();
          c.once('exit', () => clearTimeout(t));
        }
        const idx = this.queue.indexOf(entry);
        if (idx >= 0) {
          this.queue.splice(idx, 1);
          resolve({ code: null, signal: null, cancelled: true });
        }
      },
    };
  }

  private next(): void {
    while (this.running < this.maxConcurrent && this.queue.length) this.queue.shift()!.start();
  }

  /** SIGTERM every group, SIGKILL after a grace period, and wait until every process is reaped. */
  async stopAll(graceMs = 1000): Promise<void> {
    this.stopped = true;
    for (const q of this.queue.splice(0)) {
      q.cancelled = true;
      q.start();
    }
    const lives = [...this.live];
    const killLives = () => {
      for (const l of lives) if (l.child.pid) killGroup(l.child.pid, 'SIGKILL');
      this.sweeper.killNow(lives.map((l) => l.marker));
    };
    // The SIGTERM below also ends each group's watchdog: until the SIGKILL, an exit of the
    // emulator (a second Ctrl-C during the grace period) must still take the instances down.
    process.off('exit', this.onExit);
    process.on('exit', killLives);
    for (const l of lives) if (l.child.pid) this.signal(l.child.pid, l.marker, 'SIGTERM');
    const all = Promise.all(lives.map((l) => l.closed));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([all, new Promise((r) => (timer = setTimeout(r, graceMs)))]);
    clearTimeout(timer);
    killLives();
    process.off('exit', killLives);
    await Promise.race([all, new Promise((r) => setTimeout(r, 3000).unref())]);
  }
}

/**
 * Runs the command (exec: same pid, same exit status) beside a watchdog in its process group
 * that kills the instance's processes once the emulator is gone, even after a kill -9 that left
 * no chance to clean up. The watchdog blocks reading fd 3, a pipe nobody writes to whose other
 * end only the emulator holds: the kernel closes it when the emulator dies, zombie or not, and
 * the read returns at once. It then kills the processes carrying the instance's marker (those
 * that left the group; the watchdog itself runs without it) and the group. The command does
 * not inherit fd 3. The group is reaped when the command ends, watchdog included (by SIGKILL:
 * the watchdog ignores SIGTERM).
 */
function withWatchdog(marker: string): string {
  const killEscaped =
    `for round in 1 2 3; do found=$(grep -lsF "${INSTANCE_MARKER_VAR}=${marker}" /proc/[0-9]*/environ); [ -n "$found" ] || break; ` +
    'for f in $found; do p=${f#/proc/}; kill -KILL ${p%/environ}; done; done';
  // Deaf to the SIGTERM an abort or a stop sends the group: the emulator may die before its SIGKILL.
  const watchdog = `trap "" TERM; read _ <&3; ${killEscaped}; kill -KILL 0`;
  return `(unset ${INSTANCE_MARKER_VAR}; exec /bin/sh -c '${watchdog}' qarnot-watchdog) </dev/null >/dev/null 2>&1 & exec 3<&-; exec /bin/sh -c "$1"`;
}

/** Output a real node would ship: beyond it, a chatty command (`yes`) waits on its pipe. */
const OUTPUT_BYTES_PER_SECOND = 1024 * 1024;
const WINDOW_MS = 100;

/**
 * Reads a child's stream at most at OUTPUT_BYTES_PER_SECOND: without a bound,
 * `yes` would make the emulator split millions of lines a second and starve
 * the API of CPU and memory.
 */
function throttled(stream: NodeJS.ReadableStream, onData: (chunk: Buffer) => void): void {
  let windowStart = Date.now();
  let used = 0;
  stream.on('data', (chunk: Buffer) => {
    onData(chunk);
    const now = Date.now();
    if (now - windowStart >= WINDOW_MS) {
      windowStart = now;
      used = 0;
    }
    used += chunk.length;
    if (used >= (OUTPUT_BYTES_PER_SECOND * WINDOW_MS) / 1000) {
      stream.pause();
      setTimeout(() => {
        windowStart = Date.now();
        used = 0;
        stream.resume();
      }, Math.max(1, WINDOW_MS - (now - windowStart)));
    }
  });
}
