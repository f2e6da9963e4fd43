import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Every instance process gets this variable, with a value unique to the instance run. A
 * process that leaves the instance's process group (`setsid`, a double-fork daemon,
 * `set -m` jobs) keeps its environment, so a scan of /proc finds it again, even once it was
 * reparented to init. Only a process that also drops the variable (`env -i`) escapes.
 */
export const INSTANCE_MARKER_VAR = 'QARNOT_EMULATOR_INSTANCE';

export const newMarker = (): string => randomBytes(12).toString('hex');

const PREFIX = Buffer.from(`${INSTANCE_MARKER_VAR}=`);

/** The marker in a /proc/PID/environ (NUL-separated `NAME=value` entries), or null. */
export function markerIn(environ: Buffer): string | null {
  for (let at = environ.indexOf(PREFIX); at >= 0; at = environ.indexOf(PREFIX, at + 1)) {
    if (at > 0 && environ[at - 1] !== 0) continue;
    const start = at + PREFIX.length;
    const end = environ.indexOf(0, start);
    return environ.toString('latin1', start, end < 0 ? environ.length : end);
  }
  return null;
}

/**
 * Pids of the processes whose environment holds one of `markers` (zombies have none), by
 * marker. Without /proc (macOS, Windows) nothing is found: only process groups are killed.
 */
export function findMarked(markers: ReadonlySet<string>): Map<string, number[]> {
  const found = new Map<string, number[]>();
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return found;
  }
  for (const name of names) {
    const first = name.charCodeAt(0);
    if (first < 48 || first > 57) continue;
    let environ: Buffer;
    try {
      environ = readFileSync(`/proc/${name}/environ`);
    } catch {
      continue; // gone, or another user's
    }
    const marker = markerIn(environ);
    if (marker === null || !markers.has(marker)) continue;
    const pid = Number(name);
    if (pid === process.pid) continue;
    const list = found.get(marker);
    if (list) list.push(pid);
    else found.set(marker, [pid]);
  }
  return found;
}

/** One scan of /proc costs ~2.3 ms for 87 processes: instances ending together share one. */
const SWEEP_DELAY_MS = 50;
/** A SIGKILL sweep repeats until it finds nothing (a process may fork while being killed). */
const MAX_KILL_ROUNDS = 40;

/**
 * Sends signals to the processes carrying instance markers, in batches. A SIGKILL request is
 * swept again until no process carries the marker any more.
 */
export class Sweeper {
  private readonly pending = new Map<string, { signal: NodeJS.Signals; round: number }>();
  private timer: NodeJS.Timeout | null = null;

  request(marker: string, signal: NodeJS.Signals): void {
    const current = this.pending.get(marker);
    if (!current || signal === 'SIGKILL') this.pending.set(marker, { signal, round: 0 });
    this.timer ??= setTimeout(() => this.sweep(), SWEEP_DELAY_MS).unref();
  }

  /** Sweeps now, synchronously (the emulator exits right after). */
  killNow(markers: Iterable<string>): void {
    for (const m of markers) this.pending.set(m, { signal: 'SIGKILL', round: 0 });
    this.sweep();
  }

  private sweep(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = new Map(this.pending);
    this.pending.clear();
    const found = findMarked(new Set(batch.keys()));
    for (const [marker, { signal, round }] of batch) {
      const pids = found.get(marker) ?? [];
      for (const pid of pids) {
        try {
          process.kill(pid, signal);
        } catch {
          // gone already, or not ours to kill
        }
      }
      if (pids.length && signal === 'SIGKILL' && round < MAX_KILL_ROUNDS && !this.pending.has(marker)) {
        this.pending.set(marker, { signal, round: round + 1 });
      }
    }
    if (this.pending.size) this.timer = setTimeout(() => this.sweep(), SWEEP_DELAY_MS).unref();
  }
}
