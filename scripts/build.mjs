// Bundles the CLI into dist/ with esbuild. Every `import()` of a command's
// implementation becomes its own chunk, so start-up only parses what it runs.
// The plugins below only change how the bundle is cut and what it pulls in,
// never behaviour; `npm run bench` measures them (figures in the README).
import { build, transform } from 'esbuild';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));

/**
 * Every module of ours that some `import('./...')` loads, and among them the noun
 * declarations (loaded by program.ts), which serve help too. Known before the build starts:
 * a module reached statically first would otherwise be loaded before the dynamic import that
 * makes it lazy is seen.
 */
function findLazyModules(src) {
  const lazyModules = new Set();
  const nounModules = new Set();
  for (const file of readdirSync(src, { recursive: true })) {
    if (!file.endsWith('.ts')) continue;
    const importer = join(src, file);
    for (const [, target] of readFileSync(importer, 'utf8').matchAll(/\bimport\(\s*'(\.\.?\/[^']+)'\s*\)/g)) {
      const path = join(dirname(importer), target).replace(/\.js$/, '.ts');
      lazyModules.add(path);
      if (importer === join(src, 'program.ts')) nounModules.add(path);
    }
  }
  return { lazyModules, nounModules };
}

/**
 * What a verb needs around it (context, terminal, output, HTTP core, connection, parsers)
 * would be spread over ~15 small chunks, because each verb reaches a different subset:
 * `qarnot task show` would load 27 files instead of 8, and spend ~20 ms more CPU
 * (test/e2e/startup-loading fails when a module every verb uses falls out of this list).
 * Every lazily loaded verb also imports this light, common set, which puts it in one chunk;
 * what is heavy or rare (conf, cli-table3, yaml, ora, the emulator, the where-language) keeps
 * chunks of its own.
 */
const VERB_RUNTIME = [
  'context.ts',
  'output/io.ts',
  'output/print.ts',
  'output/fields.ts',
  'api/http.ts',
  'api/transport.ts',
  'api/retry.ts',
  'api/paginate.ts',
  'lib/parse.ts',
  'lib/timespan.ts',
  'lib/sleep.ts',
  'lib/map-limit.ts',
  'config/resolve.ts',
  'config/location.ts',
  'commands/shared/show.ts',
  'commands/shared/changes.ts',
  'api/account.ts',
];
const VERB_RUNTIME_ID = 'qarnot-verb-runtime';

/**
 * The storage client (S3 requests signed with aws4, XML read with saxes, the endpoint from
 * /settings): one chunk for every bucket verb and every storage module loaded on use, as
 * VERB_RUNTIME is for verbs. `bucket ls` loaded 16 files without it.
 */
const STORAGE_RUNTIME = [
  'storage/client.ts',
  'storage/endpoint.ts',
  'storage/errors.ts',
  'storage/location.ts',
  'storage/objects.ts',
  'storage/xml.ts',
  'lib/xml.ts',
];
const STORAGE_RUNTIME_ID = 'qarnot-storage-runtime';

/**
 * Small modules that the noun declarations share (option helpers, the search verb, the
 * resource descriptors with their views and API functions): in the start-up chunk (a few KB
 * more to parse for --help) rather than more files for every noun command.
 */
const STARTUP_EXTRA = [
  'commands/shared/body-options.ts',
  'commands/shared/api-options.ts',
  'commands/shared/usage-verbs.ts',
  'commands/shared/output-options.ts',
  'commands/search/index.ts',
  'api/states.ts',
  'resources/task.ts',
  'resources/pool.ts',
  'resources/job.ts',
  'resources/bucket.ts',
  'storage/defaults.ts',
];

/**
 * esbuild puts each module in a chunk named by the set of entry points
 * (here: every dynamically imported module) that reach it, so the modules
 * `qarnot --help` needs were cut into ~20 small files, each paying Node's ESM
 * resolve/load/link cost. Every dynamically imported module of ours only
 * ever runs after src/main.ts has loaded; making each one also import
 * main.ts (a no-op at run time: already evaluated) gives all start-up modules
 * the same entry set, hence one chunk. The verb runtime above is cut the same
 * way, one level down: imported by every lazy module except the noun
 * declarations (help does not need it) and the emulator; the storage runtime
 * by the lazy modules of the bucket verbs and of src/storage.
 */
const startupInOneChunk = {
  name: 'startup-in-one-chunk',
  setup(b) {
    const src = join(root, 'src');
    const mainTs = join(src, 'main.ts');
    const { lazyModules, nounModules } = findLazyModules(src);
    for (const [id, modules] of [
      [VERB_RUNTIME_ID, VERB_RUNTIME],
      [STORAGE_RUNTIME_ID, STORAGE_RUNTIME],
    ]) {
      b.onResolve({ filter: new RegExp(`^${id}$`) }, () => ({ path: id, namespace: id }));
      b.onLoad({ filter: /.*/, namespace: id }, () => ({
        contents: modules.map((m) => `import ${JSON.stringify(join(src, m))};`).join('\n'),
        resolveDir: src,
        loader: 'js',
      }));
    }
    const usesStorage = (path) => path.startsWith(join(src, 'storage')) || path.startsWith(join(src, 'commands', 'bucket'));
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      const imports = (paths) => paths.map((p) => `import ${JSON.stringify(p)};\n`).join('');
      if (args.path === mainTs) {
        return { contents: `${readFileSync(args.path, 'utf8')}\n${imports(STARTUP_EXTRA.map((m) => join(src, m)))}`, loader: 'ts' };
      }
      if (!lazyModules.has(args.path)) return undefined;
      const isEmulator = args.path.startsWith(join(src, 'emulator'));
      const withRuntime = !nounModules.has(args.path) && !isEmulator;
      // The emulator's storage shares aws4, saxes and lib/xml.ts with the client: with the
      // storage runtime it makes that one chunk, instead of a chunk of their own beside it.
      const runtimes = [...(withRuntime ? [VERB_RUNTIME_ID] : []), ...((withRuntime && usesStorage(args.path)) || isEmulator ? [STORAGE_RUNTIME_ID] : [])];
      return { contents: `${readFileSync(args.path, 'utf8')}\n${imports([mainTs, ...runtimes])}`, loader: 'ts' };
    });
  },
};

/**
 * commander requires node:child_process (and with it net, dgram ...: ~4 ms)
 * at load, only for executable subcommands, which this CLI does not use.
 * Load it when first used instead.
 */
const lazyChildProcessInCommander = {
  name: 'lazy-child-process-in-commander',
  setup(b) {
    b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!text.includes(eager)) return undefined;
      return { contents: text.replace(eager, "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };"), loader: 'js' };
    });
  },
};

/** Shared with scripts/bench/tolerant-build.mjs. */
const buildPlugins = [startupInOneChunk, lazyChildProcessInCommander];

/**
 * The esbuild options of the CLI bundle, shared with the bench's build (scripts/bench/tolerant-build.mjs):
 * src/main.ts and everything it loads, as dist/chunks/main-<hash>.cjs and the chunks it requires.
 * esbuild splits only ES modules; writeCommonJs() then turns each chunk into CommonJS.
 */
export function bundleOptions(outdir = 'dist') {
  return {
    absWorkingDir: root,
    entryPoints: { 'chunks/main': 'src/main.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Every file name carries its content's hash: the code cache (src/lib/chunk-loader.ts) keys on it.
    entryNames: '[dir]/[name]-[hash]',
    chunkNames: 'chunks/[name]-[hash]',
    // The chunks import each other by these names, which say CommonJS to Node.
    outExtension: { '.js': '.cjs' },
    minifySyntax: true,
    legalComments: 'none',
    logLevel: 'warning',
    define: { __QARNOT_VERSION__: JSON.stringify(version) },
    plugins: buildPlugins,
    write: false,
  };
}

/**
 * dist/cli.cjs, what bin/qarnot.cjs runs: --version, and the loader that runs dist/chunks/main-<hash>.cjs
 * with V8's code cache (src/lib/chunk-loader.ts). A file of its own, not a chunk: it shares
 * no module with the chunks, which its loader, not Node's require, loads.
 */
export async function buildLauncher(outdir, mainChunk) {
  await build({
    absWorkingDir: root,
    entryPoints: ['src/cli.ts'],
    outfile: join(outdir, 'cli.cjs'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minifySyntax: true,
    legalComments: 'none',
    logLevel: 'warning',
    // import.meta.dirname in the source (an ES module), the file's own directory once CommonJS.
    define: { __QARNOT_VERSION__: JSON.stringify(version), __QARNOT_MAIN_CHUNK__: JSON.stringify(mainChunk), 'import.meta.dirname': '__dirname' },
    supported: { 'dynamic-import': false },
  });
}

/**
 * Writes the split bundle as CommonJS: a CommonJS entry point spares every command Node's
 * ES module loader (~20 internal modules to load, and an asynchronous resolve, read and link
 * for each chunk): 10 ms of a 135 ms `node -e 0`, on `--help` as on `task show`. Each
 * `import()` becomes a `require()` behind a promise, so chunks still load only when used.
 */
export async function writeCommonJs(result) {
  for (const file of result.outputFiles) {
    const { code } = await transform(file.text, {
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      supported: { 'dynamic-import': false },
      // ES modules run in strict mode: so does the same code as CommonJS.
      banner: "'use strict';",
      logLevel: 'warning',
    });
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path, code);
  }
}

/** Both builds into `outdir`: the split bundle (built with `options`), then the launcher that names its entry. */
export async function buildBoth(outdir, options) {
  const result = await build(options);
  await writeCommonJs(result);
  const main = result.outputFiles.map((file) => basename(file.path)).find((name) => /^main-\w+\.cjs$/.test(name));
  if (!main) throw new Error('the bundle has no chunks/main-*.cjs');
  await buildLauncher(outdir, main);
  return result;
}

/** `clean`: remove old chunks first (not from tests: a parallel run may be using them). */
export async function buildCli({ clean = false } = {}) {
  const outdir = join(root, 'dist');
  if (clean) rmSync(outdir, { recursive: true, force: true });
  await buildBoth(outdir, bundleOptions(outdir));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildCli({ clean: true });
}
