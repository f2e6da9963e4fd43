// Node 22 keeps the code it compiled between runs (module.enableCompileCache, see cli.ts).
// Node 20 does not. This keeps V8's code cache of each chunk of the bundle, as Node 22 does:
// written once, read by every later run. It saves ~5 ms of CPU per command (41 interleaved
// runs under /usr/bin/time: --help 140 -> 134 ms mean, task show 170 -> 164 ms); CPU profiles
// show more, but profiling makes compiling itself dearer.
//
// A chunk's file name carries the hash of its content (esbuild's chunkNames), so a cache
// entry can only ever be read for the code it was made from; V8 also refuses data made by
// another V8, other flags or a source of another length, and we then compile as usual.

const { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } = process.getBuiltinModule('node:fs');
const { basename, dirname, join } = process.getBuiltinModule('node:path');

/** What we use of Node's CommonJS Module class (`module.constructor` in a CommonJS file). */
export interface ModuleClass {
  wrap(source: string): string;
  prototype: { _compile(this: LoadingModule, content: string, filename: string): unknown };
  _cache: unknown;
  _resolveFilename(request: string, parent: LoadingModule, isMain: boolean, options?: unknown): string;
}

interface LoadingModule {
  exports: unknown;
  require(id: string): unknown;
}

type Script = import('node:vm').Script;

/**
 * `$XDG_CACHE_HOME/qarnot/compile`, else under ~/.cache; undefined when turned off or homeless.
 * Node 22 keeps its own cache there, in a directory per Node version as ours is.
 */
export function compileCacheDir(env: NodeJS.ProcessEnv): string | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE) return undefined; // Node 22's own switch, honoured here too
  const base = env.XDG_CACHE_HOME || (env.HOME ? join(env.HOME, '.cache') : undefined);
  return base ? join(base, 'qarnot', 'compile') : undefined;
}

/**
 * Where an install keeps its entries: one directory per Node version, then per installation
 * (a hash of where its chunks are): pruning what one install no longer has must not delete
 * what another one, used in turn, keeps reading.
 */
export function installDir(compileDir: string, chunksDir: string): string {
  let hash = 0x811c9dc5; // FNV-1a: node:crypto would cost more to load than this whole cache saves
  for (let i = 0; i < chunksDir.length; i++) hash = Math.imul(hash ^ chunksDir.charCodeAt(i), 0x01000193) >>> 0;
  return join(compileDir, `${process.version}-${process.arch}`, hash.toString(16).padStart(8, '0'));
}

/**
 * From now on, the chunks in `<distDir>/chunks` are compiled from the cache (this install's
 * directory in `compileDir`) when it has them; those it did not have are added when the
 * process exits, with every function the run compiled.
 */
export function cacheCompiledChunks(Module: ModuleClass, distDir: string, compileDir: string): void {
  const chunksDir = join(distDir, 'chunks');
  const cacheDir = installDir(compileDir, chunksDir);
  // The install's own directory is the one that matters: what is above it may be anyone's.
  if (!safeToRun(cacheDir)) return;
  const { Script } = process.getBuiltinModule('node:vm');
  const compile = Module.prototype._compile;
  const missing: { file: string; script: Script }[] = [];
  Module.prototype._compile = function (content, filename) {
    if (dirname(filename) !== chunksDir) return compile.call(this, content, filename);
    const file = join(cacheDir, `${basename(filename)}.v8`);
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(file);
    } catch {
      // not cached yet
    }
    const script = new Script(Module.wrap(content), { filename, cachedData });
    if (cachedData === undefined || script.cachedDataRejected) missing.push({ file, script });
    const wrapper = script.runInThisContext() as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, requireFor(this), this, filename, chunksDir);
  };
  const requireFor = (module: LoadingModule) =>
    Object.assign((id: string) => module.require(id), {
      resolve: (request: string, options?: unknown) => Module._resolveFilename(request, module, false, options),
      cache: Module._cache,
    });
  process.once('exit', () => {
    if (missing.length > 0) writeEntries(missing, chunksDir, cacheDir);
  });
}

/**
 * The entries are code this process runs: a directory someone else owns or may write to
 * (XDG_CACHE_HOME=/tmp, say) could hand it theirs. Such a directory is not used at all.
 */
function safeToRun(cacheDir: string): boolean {
  let stat;
  try {
    stat = statSync(cacheDir);
  } catch {
    return true; // made with mode 0700 when the first entry is written
  }
  const ownUid = process.getuid?.();
  return ownUid === undefined || (stat.uid === ownUid && (stat.mode & 0o022) === 0);
}

function writeEntries(entries: { file: string; script: Script }[], chunksDir: string, cacheDir: string): void {
  try {
    mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
    for (const { file, script } of entries) {
      // Whole or not at all: another qarnot may be reading it right now.
      const partial = `${file}.${process.pid}`;
      writeFileSync(partial, script.createCachedData());
      renameSync(partial, file);
    }
    // Entries of chunks that are gone (an older build or version) are of no more use.
    const current = new Set(readdirSync(chunksDir));
    for (const name of readdirSync(cacheDir)) {
      if (name.endsWith('.v8') && !current.has(name.slice(0, -'.v8'.length))) rmSync(join(cacheDir, name), { force: true });
    }
  } catch {
    // A read-only or full disk only costs the cache.
  }
}
