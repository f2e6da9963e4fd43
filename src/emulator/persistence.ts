import { closeSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { writeFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { JobRec, PoolRec, TaskRec } from './model.js';
import { OutputSet } from './output-buffer.js';
import { Account } from './store.js';
import { makeDirectory } from '../lib/make-dir.js';

const STATE_FILE = 'state.json';
const FORMAT = 1;

export interface SavedAccount {
  email: string;
  nextSeq: number;
  lastCreation: number;
  tasks: TaskRec[];
  pools: PoolRec[];
  jobs: JobRec[];
  outputs: Record<string, unknown>;
}
export interface SavedState {
  format: number;
  outputSeq: number;
  accounts: SavedAccount[];
}

const LOCK_FILE = 'emulator.lock';

/** One emulator per --data directory: two would overwrite each other's state. A dead holder's lock is taken over. */
function lockDataDir(dir: string): void {
  const lock = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(lock, 'utf8'));
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid) && !startedAfter(pid, statSync(lock).mtimeMs)) {
        throw new Error(`another emulator (pid ${pid}) uses the data directory ${dir}; stop it, or give another --data`);
      }
      unlinkSync(lock);
    }
  }
  throw new Error(`cannot lock the data directory ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/**
 * Whether the process was started after the lock was written: its pid was reused (after a
 * reboot, or in a container, where the emulator gets the same low pid on every start), so the
 * holder is gone. Linux only; the margin absorbs clock adjustments since the lock was written.
 */
function startedAfter(pid: number, lockWrittenMs: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // Field 22, starttime: clock ticks since boot (USER_HZ, 100 on Linux).
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    const bootSeconds = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'latin1'))?.[1]);
    const started = bootSeconds * 1000 + ticks * 10;
    return Number.isFinite(started) && started > lockWrittenMs + 5000;
  } catch {
    return false; // no /proc (macOS): a live pid holds the lock
  }
}

/** A killed emulator whose parent does not reap it: kill -0 still succeeds, but it holds nothing. */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return stat.charAt(stat.lastIndexOf(')') + 2) === 'Z';
  } catch {
    return false; // no /proc (macOS): as before
  }
}

function unlockDataDir(dir: string): void {
  try {
    unlinkSync(join(dir, LOCK_FILE));
  } catch {
    // already gone
  }
}

/** While saving fails, background retries are spaced this far apart (a request still retries at once). */
const FAILING_RETRY_MS = 1000;

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Whole-state snapshots written atomically (temp file + rename), at most every `debounceMs`.
 * `durable()` resolves once a snapshot taken after the call is on disk, and rejects when that
 * write failed (disk full, data directory gone), so a change is acknowledged only once it is
 * saved. Survives a crash of the emulator (kill -9); no fsync, so not necessarily a power loss.
 */
export class Persistence {
  private lastWrite = 0;
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> | null = null;
  private dirty = false;
  private waiters: Waiter[] = [];
  private closed = false;
  /** The last write's error while writes fail: logged once, and its end once. */
  private lastFailure: Error | null = null;

  get failure(): Error | null {
    return this.lastFailure;
  }

  constructor(
    private readonly dir: string,
    private readonly snapshot: () => SavedState,
    private readonly log: (line: string) => void,
    private readonly debounceMs = 100,
  ) {
    // The state holds every account's tasks and outputs: private to the emulator's user.
    makeDirectory(dir, 0o700);
    lockDataDir(dir);
  }

  get file(): string {
    return join(this.dir, STATE_FILE);
  }

  markDirty(): void {
    this.dirty = true;
    this.schedule(false);
  }

  /** Resolves once a snapshot taken after this call is on disk, rejects if writing it failed; skips the debounce delay. */
  durable(): Promise<void> {
    this.dirty = true;
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.schedule(true);
    });
  }

  private urgentTimer = false;
  private lastWriteMs = 0;

  private schedule(urgent: boolean): void {
    if (this.closed || this.writing) return; // the running write reschedules when it ends
    if (this.timer && (!urgent || this.urgentTimer)) return;
    if (this.timer) clearTimeout(this.timer);
    // Background changes are debounced; a create waiting for durability only waits for
    // requests of the same tick to join the same write.
    // A big state (chatty tasks) must not keep the CPU busy writing: space background writes
    // by at least twice the time the last one took.
    const spacing = Math.max(this.debounceMs, 2 * this.lastWriteMs, this.lastFailure ? FAILING_RETRY_MS : 0);
    const wait = urgent ? 0 : Math.max(0, this.lastWrite + spacing - Date.now());
    this.urgentTimer = urgent;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.writeNow();
    }, wait);
  }

  private async writeNow(): Promise<void> {
    if (!this.dirty || this.closed) return;
    this.dirty = false;
    // Waiters registered so far are covered: the snapshot below is taken after their change.
    const waiters = this.waiters.splice(0);
    const began = Date.now();
    const data = JSON.stringify(this.snapshot());
    const tmp = `${this.file}.tmp`;
    this.writing = writeFile(tmp, data, { mode: 0o600 }).then(() => rename(tmp, this.file));
    let failure: Error | null = null;
    try {
      await this.writing;
    } catch (e) {
      failure = e as Error;
      this.dirty = true;
    } finally {
      this.writing = null;
      this.lastWrite = Date.now();
      this.lastWriteMs = this.lastWrite - began;
    }
    this.noteOutcome(failure);
    for (const w of waiters) {
      if (failure) w.reject(failure);
      else w.resolve();
    }
    if (this.dirty) this.schedule(this.waiters.length > 0);
  }

  /** One line when saving starts failing and one when it works again, not one per write. */
  private noteOutcome(failure: Error | null): void {
    if (failure && !this.lastFailure) {
      this.log(`qarnot emulator: could not save the state to ${this.file}: ${failure.message}; changes are refused (503) until it works again`);
    } else if (!failure && this.lastFailure) {
      this.log(`qarnot emulator: the state is saved to ${this.file} again`);
    }
    this.lastFailure = failure;
  }

  /** Final synchronous write on stop. */
  flushSync(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const tmp = `${this.file}.tmp`;
    let failure: Error | null = null;
    try {
      writeFileSync(tmp, JSON.stringify(this.snapshot()), { mode: 0o600 });
      renameSync(tmp, this.file);
    } catch (e) {
      failure = e as Error;
      this.log(`qarnot emulator: could not save the state to ${this.file} on stop: ${failure.message}`);
    }
    for (const w of this.waiters.splice(0)) {
      if (failure) w.reject(failure);
      else w.resolve();
    }
    unlockDataDir(this.dir);
  }

  /** Gives the data directory up without writing (start-up failed: the state on disk stays as it was). */
  release(): void {
    this.closed = true;
    unlockDataDir(this.dir);
  }

  async idle(): Promise<void> {
    while (this.writing) await this.writing.catch(() => undefined);
  }

  static load(dir: string): SavedState | null {
    let text: string;
    try {
      text = readFileSync(join(dir, STATE_FILE), 'utf8');
    } catch {
      return null;
    }
    const file = join(dir, STATE_FILE);
    let data: SavedState;
    try {
      data = JSON.parse(text) as SavedState;
    } catch (e) {
      throw new Error(`${file} is damaged (${(e as Error).message}); move it away to start with an empty state`);
    }
    if (data?.format !== FORMAT) throw new Error(`unsupported state format ${String(data?.format)} in ${file}`);
    return data;
  }
}

export function saveAccounts(accounts: Iterable<Account>, outputSeq: number, leftovers: SavedAccount[] = []): SavedState {
  return {
    format: FORMAT,
    outputSeq,
    accounts: [...leftovers, ...[...accounts].map((a) => ({
      email: a.email,
      nextSeq: a.nextSeq,
      lastCreation: a.lastCreation,
      tasks: [...a.tasks.values()],
      pools: [...a.pools.values()],
      jobs: [...a.jobs.values()],
      outputs: Object.fromEntries([...a.outputs].map(([k, v]) => [k, v.toJSON()])),
    }))],
  };
}

/**
 * Fills accounts (matched by email) from a saved state; records come back in creation order.
 * Returns the saved accounts that are not configured this time, so they are kept on disk.
 */
export function restoreAccounts(saved: SavedState, byEmail: Map<string, Account>, outputCap: number): SavedAccount[] {
  const leftovers: SavedAccount[] = [];
  for (const sa of saved.accounts) {
    const acc = byEmail.get(sa.email);
    if (!acc) {
      leftovers.push(sa);
      continue;
    }
    acc.nextSeq = sa.nextSeq;
    acc.lastCreation = sa.lastCreation;
    for (const rec of [...sa.jobs, ...sa.pools, ...sa.tasks].sort((x, y) => x.seq - y.seq)) acc.add(rec);
    for (const [uuid, o] of Object.entries(sa.outputs ?? {})) acc.outputs.set(uuid, OutputSet.fromJSON(o, outputCap));
  }
  return leftovers;
}
