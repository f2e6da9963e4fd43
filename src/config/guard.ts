import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from '../errors.js';

/**
 * What keeps the config store safe: a private directory, a file of the expected
 * shape (reported, never silently rewritten: it holds tokens), and a lock so that
 * parallel writers (CI jobs running `qarnot config set` at once) never lose an update.
 */

const FIX = 'fix it by hand, or move it away and run "qarnot login" again';

/** Creates the directory 0700 (tightening an existing one); a clear error when it is not a directory. */
export function prepareConfigDir(dir: string): void {
  const notADirectory = () =>
    new CliError(`the config directory ${dir} is not a directory; move that file away, or point QARNOT_CONFIG_DIR at a directory`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') throw notADirectory();
    throw new CliError(`cannot create the config directory ${dir} (${code ?? String(error)}); point QARNOT_CONFIG_DIR at a writable directory`);
  }
  const stat = statSync(dir);
  if (!stat.isDirectory()) throw notADirectory();
  // The file holds tokens: a 0700 directory whatever the umask or its history.
  if ((stat.mode & 0o077) !== 0) chmodSync(dir, 0o700);
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

/** Reads the file as it is on disk and reports a wrong shape (conf only checks that it parses). */
export function checkConfigFile(path: string): void {
  if (!existsSync(path)) return;
  let data: unknown;
  try {
    const text = readFileSync(path, 'utf8');
    if (text.trim() === '') throw new CliError(`the config file ${path} is empty; ${FIX}`);
    data = JSON.parse(text);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new CliError(`the config file ${path} is unreadable (${reason}); ${FIX}`);
  }
  const problem = configShapeProblem(data);
  if (problem) throw new CliError(`the config file ${path} is not a qarnot config (${problem}); ${FIX}`);
}

const LOCK_WAIT_MS = 10_000;
const LOCK_STALE_MS = 15_000;

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Runs a read-modify-write of the config file under an exclusive lock file, so that
 * two processes writing at once both keep their change. A lock left by a killed
 * process is broken once it is older than any real write could take.
 */
export function withConfigLock<T>(dir: string, write: () => T): T {
  const lock = join(dir, 'config.json.lock');
  const deadline = Date.now() + LOCK_WAIT_MS;
  let fd: number | undefined;
  while (fd === undefined) {
    try {
      fd = openSync(lock, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      try {
        if (Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS) unlinkSync(lock);
      } catch {
        // Released (or broken) by someone else meanwhile: try again.
      }
      if (Date.now() > deadline) {
        throw new CliError(`the config file is locked by another qarnot process (${lock}); if none is running, delete that file`);
      }
      sleepSync(5 + Math.floor(Math.random() * 20));
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
