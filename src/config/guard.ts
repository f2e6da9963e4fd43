import { closeSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { CliError, ExitCode, InterruptedError } from '../errors.js';
import { currentSignal } from '../lib/interrupt.js';
import { abortableSleep } from '../lib/sleep.js';
import { writeFd } from '../output/stdio.js';
import { makeDirectory } from '../lib/make-dir.js';

/**
 * What keeps the config store safe: a private directory (made so, never changed
 * after the fact), a file of the expected shape (reported, never silently
 * rewritten: it holds tokens), written whole (temp file + rename) under a lock so
 * that parallel writers never lose an update. Reading takes no lock and writes
 * nothing: a read-only config directory still serves every read-only command.
 */

const FIX = 'fix it by hand, or move it away and run "qarnot login" again';

/** The config file's JSON, or undefined when there is none. Never creates or changes anything. */
export function readConfigFile(dir: string): unknown {
  const path = join(dir, 'config.json');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ENOTDIR') throw new CliError(`the config directory ${dir} is not a directory; move that file away, or point QARNOT_CONFIG_DIR at a directory`);
    if (code === 'EACCES' || code === 'EPERM') {
      throw new CliError(`cannot read the config file ${path}: permission denied (does it belong to another user?); point QARNOT_CONFIG_DIR at your own directory`, ExitCode.Auth);
    }
    throw new CliError(`the config file ${path} is unreadable (${code ?? String(error)}); ${FIX}`);
  }
  if (text.trim() === '') throw new CliError(`the config file ${path} is empty; ${FIX}`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CliError(`the config file ${path} is unreadable (${(error as Error).message.split('\n')[0]}); ${FIX}`);
  }
  const problem = configShapeProblem(data);
  if (problem) throw new CliError(`the config file ${path} is not a qarnot config (${problem}); ${FIX}`);
  return data;
}

/**
 * Before a write: creates the directory 0700 when it is missing; an existing one is
 * never chmod-ed (it may be shared, or a symlink's target), but refused (exit 4) when
 * it is not ours or others may read or write it: the file holds tokens.
 */
export function prepareConfigDir(dir: string): void {
  const notADirectory = () =>
    new CliError(`the config directory ${dir} is not a directory; move that file away, or point QARNOT_CONFIG_DIR at a directory`);
  let stat;
  try {
    stat = statSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') throw notADirectory();
    try {
      makeDirectory(dir, 0o700);
    } catch (inner) {
      const code = (inner as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' || code === 'ENOTDIR') throw notADirectory();
      throw new CliError(`cannot create the config directory ${dir} (${code ?? String(inner)}); point QARNOT_CONFIG_DIR at a writable directory`);
    }
    return;
  }
  if (!stat.isDirectory()) throw notADirectory();
  if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) {
    throw new CliError(`the config directory ${dir} belongs to another user; point QARNOT_CONFIG_DIR at a directory of your own`, ExitCode.Auth);
  }
  if ((stat.mode & 0o077) !== 0) {
    throw new CliError(
      `the config directory ${dir} is open to other users (mode ${(stat.mode & 0o777).toString(8)}); tokens are only stored in a private one: chmod 700 ${dir}`,
      ExitCode.Auth,
    );
  }
}

/**
 * Writes the file whole, 0600, through a temp file renamed over it; the temp file never stays
 * behind. A config.json that is a symlink (dotfiles kept in a repository) is written through:
 * the rename goes over the file it points to, not over the link; where that cannot be written
 * (a read-only store, as Nix home-manager's), over the link as before.
 */
export function writeConfigFile(dir: string, data: unknown): void {
  const link = join(dir, 'config.json');
  const target = linkTarget(link);
  const text = `${JSON.stringify(data, null, '\t')}\n`;
  try {
    writeWhole(target, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (target !== link && (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')) {
      try {
        writeWhole(link, text);
        return;
      } catch {
        // reported as the first failure
      }
    }
    throw new CliError(`cannot write the config file ${target} (${code ?? String(error)}); point QARNOT_CONFIG_DIR at a writable directory`);
  }
}

function writeWhole(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (error) {
    try {
      unlinkSync(tmp);
    } catch {
      // never created
    }
    throw error;
  }
}

function linkTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path; // none yet (or a dangling link): made here
  }
}

const PROFILE_FIELDS = new Set(['apiUrl', 'token', 'as']);

/** Why the file's JSON is not a config we can use, or undefined when it is fine (or absent). */
export function configShapeProblem(data: unknown): string | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return 'expected a JSON object with "profiles"';
  const { activeProfile, profiles } = data as Record<string, unknown>;
  if (activeProfile !== undefined && typeof activeProfile !== 'string') return '"activeProfile" must be a string';
  if (profiles === undefined) return undefined;
  if (profiles === null || typeof profiles !== 'object' || Array.isArray(profiles)) return '"profiles" must be an object';
  for (const [name, profile] of Object.entries(profiles as Record<string, unknown>)) {
    if (profile === null || typeof profile !== 'object' || Array.isArray(profile)) return `profile "${name}" must be an object`;
    for (const [key, value] of Object.entries(profile as Record<string, unknown>)) {
      if (PROFILE_FIELDS.has(key) && typeof value !== 'string') return `"profiles.${name}.${key}" must be a string`;
    }
  }
  return undefined;
}

/** A lock older than this is left by a process that died: no write takes that long. */
const LOCK_STALE_MS = 15_000;
/** Longer than the stale age: a lock left by a crash is always broken before giving up. */
const LOCK_WAIT_MS = LOCK_STALE_MS + 5_000;

/** Whether the lock's holder (its pid, written in it) is gone, or the lock is older than any write. */
function isStale(lock: string): boolean {
  try {
    const pid = Number(readFileSync(lock, 'utf8'));
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid) {
      try {
        process.kill(pid, 0);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ESRCH') return true;
      }
    }
    return Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS;
  } catch {
    return false; // released meanwhile: try again
  }
}

/**
 * Runs a read-modify-write of the config file under an exclusive lock file, so that
 * two processes writing at once both keep their change. A lock whose process is gone
 * (kill -9) is broken at once, any other past the stale age; the wait is
 * interrupted by Ctrl-C (130).
 */
export async function withConfigLock<T>(dir: string, write: () => T): Promise<T> {
  const lock = join(dir, 'config.json.lock');
  const started = Date.now();
  const deadline = started + LOCK_WAIT_MS;
  const signal = currentSignal();
  let told = false;
  let fd: number | undefined;
  while (fd === undefined) {
    try {
      fd = openSync(lock, 'wx', 0o600);
      writeSync(fd, String(process.pid));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        throw new CliError(`cannot write in the config directory ${dir} (${code ?? String(error)}); point QARNOT_CONFIG_DIR at a writable directory`);
      }
      if (isStale(lock)) {
        try {
          unlinkSync(lock);
        } catch {
          // broken by another process meanwhile
        }
        continue;
      }
      if (Date.now() > deadline) {
        throw new CliError(`the config file is locked by another qarnot process (${lock}); if none is running, delete that file`);
      }
      if (!told && Date.now() - started > 1000) {
        told = true;
        writeFd(2, `waiting for the config lock (${lock}), held by another qarnot process…\n`);
      }
      await abortableSleep(5 + Math.floor(Math.random() * 20), signal);
      if (signal.aborted) throw new InterruptedError();
    }
  }
  try {
    return write();
  } finally {
    closeSync(fd);
    try {
      unlinkSync(lock);
    } catch {
      // Already broken as stale by another process: nothing to release.
    }
  }
}
