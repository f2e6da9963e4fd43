import { closeSync, fchmodSync, fstatSync, openSync, readFileSync, readSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import type { Script } from 'node:vm';
import { makeDirectory } from './make-dir.js';

// The bundle's chunks (scripts/build.mjs) are loaded here rather than by Node's require, so
// that V8's code for each can be kept between runs: compiling them is ~10 ms of every command
// on Node 20 (`task show` 1.52× → 1.42× `node -e 0` once cached, `npm run bench`). Node 22's own compile
// cache works the same way (V8's code cache), but only for files its loader reads.
//
// A chunk's file name carries the hash of its content (esbuild's chunkNames), and V8 refuses
// data made by another V8, with other flags or from another source: an entry is only ever
// used for the code it was made from; a refused one is made again.

type ScriptClass = typeof Script;

interface LoadedChunk {
  exports: unknown;
}

/** A CommonJS chunk's own variables, as Node's module wrapper gives them. */
const WRAPPER_START = '(function (exports, require, module, __filename, __dirname) { ';
const WRAPPER_END = '\n});';

/**
 * Where this install keeps its entries: `$XDG_CACHE_HOME/qarnot/compile` (else `~/.cache/...`),
 * one directory per Node version and per installation (a hash of where its chunks are), so that
 * two installs used in turn do not prune each other's entries. Undefined when turned off
 * (Node's own switch, NODE_DISABLE_COMPILE_CACHE) or without a home.
 */
export function codeCacheDir(env: NodeJS.ProcessEnv, chunksDir: string): string | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  // Relative ones are ignored (the XDG spec): entries would be made in every directory qarnot runs in.
  const base = [env.XDG_CACHE_HOME, env.HOME && join(env.HOME, '.cache')].find((dir) => dir && isAbsolute(dir));
  if (!base) return undefined;
  let hash = 0x811c9dc5; // FNV-1a: node:crypto would cost more to load than the cache saves
  for (let i = 0; i < chunksDir.length; i++) hash = Math.imul(hash ^ chunksDir.charCodeAt(i), 0x01000193) >>> 0;
  return join(base, 'qarnot', 'compile', `${process.version}-${process.arch}-${hash.toString(16).padStart(8, '0')}`);
}

/**
 * The entries are code this process runs: a directory someone else owns or may write to
 * (XDG_CACHE_HOME=/tmp, say) could hand it theirs, so it is not used at all.
 */
function usable(cacheDir: string): boolean {
  let stat;
  try {
    stat = statSync(cacheDir);
  } catch {
    return true; // made 0700 when the first entry is written
  }
  const uid = process.getuid?.();
  return stat.isDirectory() && (uid === undefined || (stat.uid === uid && (stat.mode & 0o022) === 0));
}

/**
 * Loads `file` (a chunk) and, through the `require` it is given, the chunks it requires;
 * built-in modules come from Node. Chunks the cache did not have are added when the process
 * exits, with every function the run compiled.
 */
export function loadChunk(Script: ScriptClass, file: string, cacheDir: string | undefined): unknown {
  const cache = cacheDir !== undefined && usable(cacheDir) ? cacheDir : undefined;
  const loaded = new Map<string, LoadedChunk>();
  const toWrite: { entry: string; script: Script }[] = [];

  const load = (path: string): unknown => {
    const known = loaded.get(path);
    if (known) return known.exports; // a cycle, or a chunk two others require
    const chunk: LoadedChunk = { exports: {} };
    loaded.set(path, chunk);
    const entry = cache === undefined ? undefined : join(cache, `${basename(path)}.v8`);
    const cachedData = entry === undefined ? undefined : readEntry(entry);
    const script = new Script(`${WRAPPER_START}${readChunk(path)}${WRAPPER_END}`, { filename: path, cachedData });
    if (entry !== undefined && (cachedData === undefined || script.cachedDataRejected)) toWrite.push({ entry, script });
    const dir = dirname(path);
    const require = (id: string) => (id.startsWith('./') ? load(join(dir, id)) : builtin(id));
    (script.runInThisContext() as (...args: unknown[]) => void).call(chunk.exports, chunk.exports, require, chunk, path, dir);
    return chunk.exports;
  };

  if (cache !== undefined) {
    process.once('exit', () => {
      if (toWrite.length > 0) writeEntries(toWrite, cache, dirname(file));
    });
  }
  return load(file);
}

/**
 * A chunk's source. Chunks load lazily: one may be gone because qarnot was upgraded in place
 * while this command ran (a long `task wait`), or the install is incomplete.
 */
function readChunk(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new Error(`${path} is missing: qarnot was upgraded or removed while this command ran, or its installation is incomplete; run the command again, or reinstall qarnot`);
  }
}

/** Everything but Node's built-ins is in the bundle. */
function builtin(id: string): unknown {
  const found = process.getBuiltinModule(id);
  if (found === undefined) throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' });
  return found;
}

// V8 checks an entry's header (its version, flags, source and length), not its content:
// bytecode damaged on disk (a crash before the data reached it, a bad sector) is a fatal
// error in V8 (SIGTRAP) in every command until the entry is deleted. So each entry carries
// a checksum of its data, checked on its first use only (~2 ms for a command's chunks,
// 20% of what the cache saves), after which the entry is sealed read-only: mode 0400.
const HEADER_BYTES = 8; // the checksum, and the data left 8-byte aligned for V8
const NEW_ENTRY = 0o600;
const CHECKED_ENTRY = 0o400;

/** FNV-1a over 32-bit words: enough against damage (others' writes are kept out by `usable`). */
function checksum(data: Buffer): number {
  const words = new Int32Array(data.buffer, data.byteOffset, data.length >>> 2);
  let hash = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) hash = Math.imul(hash ^ words[i]!, 0x01000193);
  for (let i = words.length * 4; i < data.length; i++) hash = Math.imul(hash ^ data[i]!, 0x01000193);
  return hash >>> 0;
}

/** An entry's V8 data: undefined when there is none, or it is not ours, or not whole. */
function readEntry(entry: string): Buffer | undefined {
  let fd;
  try {
    fd = openSync(entry, 'r');
  } catch {
    return undefined; // not kept yet
  }
  try {
    const stat = fstatSync(fd);
    const uid = process.getuid?.();
    if ((uid !== undefined && stat.uid !== uid) || stat.size <= HEADER_BYTES) return undefined;
    const bytes = Buffer.allocUnsafeSlow(stat.size); // its own memory: aligned
    if (readSync(fd, bytes, 0, stat.size, 0) !== stat.size) return undefined;
    const data = bytes.subarray(HEADER_BYTES);
    if ((stat.mode & 0o777) !== CHECKED_ENTRY) {
      if (bytes.readUInt32LE(0) !== checksum(data)) return undefined;
      try {
        fchmodSync(fd, CHECKED_ENTRY);
      } catch {
        // A read-only cache (a container image's): checked again next time.
      }
    }
    return data;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function writeEntries(entries: { entry: string; script: Script }[], cacheDir: string, chunksDir: string): void {
  try {
    makeDirectory(cacheDir, 0o700);
    for (const { entry, script } of entries) {
      // Whole or not at all: another qarnot may be reading it right now.
      const partial = `${entry}.${process.pid}`;
      const data = script.createCachedData();
      const header = Buffer.alloc(HEADER_BYTES);
      header.writeUInt32LE(checksum(data), 0);
      const fd = openSync(partial, 'w', NEW_ENTRY);
      try {
        fchmodSync(fd, NEW_ENTRY); // whatever the umask: 0400 would pass for checked
        if (writeSync(fd, header) + writeSync(fd, data) !== HEADER_BYTES + data.length) throw new Error('short write');
      } finally {
        closeSync(fd);
      }
      renameSync(partial, entry);
    }
    // Entries of chunks this install no longer has (an upgrade in place) are of no more use,
    // nor what a process killed while writing left.
    const current = new Set(readdirSync(chunksDir).map((chunk) => `${chunk}.v8`));
    for (const name of readdirSync(cacheDir)) if (!current.has(name)) rmSync(join(cacheDir, name), { force: true });
  } catch {
    // A read-only or full disk only costs the cache.
  }
}
