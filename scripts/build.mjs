// Bundles the CLI into dist/ with esbuild. Every `import()` of a command's
// implementation becomes its own chunk, so start-up only parses what it runs.
// The plugins below only change how the bundle is cut and what it pulls in,
// never behaviour; `npm run bench` measures them (figures in the README).
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));

/**
 * esbuild puts each module in a chunk named by the set of entry points
 * (here: every dynamically imported verb) that reach it, so the modules
 * `qarnot --help` needs were cut into ~20 small files, each paying Node's ESM
 * resolve/load/link cost. Every dynamically imported module of ours only
 * ever runs after src/main.ts has loaded; making each one also import
 * main.ts (a no-op at run time: already evaluated) gives all start-up modules
 * the same entry set, hence one chunk.
 */
const startupInOneChunk = {
  name: 'startup-in-one-chunk',
  setup(b) {
    const src = join(root, 'src');
    const mainTs = join(src, 'main.ts');
    const lazyModules = new Set();
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind === 'dynamic-import' && args.importer.startsWith(src)) {
        lazyModules.add(join(args.resolveDir, args.path).replace(/\.js$/, '.ts'));
      }
      return undefined;
    });
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      if (!lazyModules.has(args.path) || args.path === mainTs) return undefined;
      return { contents: `${readFileSync(args.path, 'utf8')}\nimport ${JSON.stringify(mainTs)};\n`, loader: 'ts' };
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

/** The esbuild options of the CLI bundle, shared with the bench's build (scripts/bench/tolerant-build.mjs). */
export function bundleOptions(outdir = 'dist') {
  return {
    absWorkingDir: root,
    entryPoints: { cli: 'src/cli.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    minifySyntax: true,
    legalComments: 'none',
    logLevel: 'warning',
    define: { __QARNOT_VERSION__: JSON.stringify(version) },
    plugins: buildPlugins,
    // cli-table3, commander and conf's dependencies are CommonJS: give the ESM
    // bundle a require() (only Node built-ins are left to require).
    banner: {
      js: "import { createRequire as __qarnotCreateRequire } from 'node:module'; const require = __qarnotCreateRequire(import.meta.url);",
    },
  };
}

/** `clean`: remove old chunks first (not from tests: a parallel run may be using them). */
export async function buildCli({ clean = false } = {}) {
  if (clean) rmSync(join(root, 'dist'), { recursive: true, force: true });
  await build(bundleOptions());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildCli({ clean: true });
}
