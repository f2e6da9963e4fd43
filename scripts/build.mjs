// Bundles the CLI into dist/ with esbuild. Every `import()` of a command's
// implementation becomes its own chunk, so start-up only parses what it runs.
// The plugins below only change how the bundle is cut and what it pulls in,
// never behaviour; `npm run bench` measures them (figures in the README).
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
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
 * undici's entry point loads everything it has (fetch, WebSocket, caches,
 * mocks, proxies, HTTP/2 ...): ~960 KiB, parsed on every API call. The CLI
 * uses `request` and `Agent` only (src/api/http.ts); this entry loads just
 * those, with the same argument handling as undici's own `request`
 * (index.js makeDispatcher). Falls back to the full package if undici's
 * layout changes.
 */
const UNDICI_PARTS = ['lib/dispatcher/agent.js', 'lib/dispatcher/dispatcher.js', 'lib/api/index.js', 'lib/core/util.js', 'lib/core/errors.js', 'lib/global.js'];
const slimUndici = {
  name: 'slim-undici',
  setup(b) {
    const dir = join(root, 'node_modules', 'undici');
    if (!UNDICI_PARTS.every((part) => existsSync(join(dir, part)))) return;
    b.onResolve({ filter: /^undici$/ }, (args) => (args.importer.startsWith(join(root, 'src')) ? { path: 'undici', namespace: 'slim-undici' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'slim-undici' }, () => ({
      resolveDir: dir,
      loader: 'js',
      contents: `
const Agent = require('./lib/dispatcher/agent.js');
const Dispatcher = require('./lib/dispatcher/dispatcher.js');
const api = require('./lib/api/index.js');
const util = require('./lib/core/util.js');
const { InvalidArgumentError } = require('./lib/core/errors.js');
const { getGlobalDispatcher } = require('./lib/global.js');
Object.assign(Dispatcher.prototype, api);
function request(url, opts, handler) {
  if (typeof opts === 'function') { handler = opts; opts = null; }
  if (!url || (typeof url !== 'string' && typeof url !== 'object' && !(url instanceof URL))) throw new InvalidArgumentError('invalid url');
  if (opts != null && typeof opts !== 'object') throw new InvalidArgumentError('invalid opts');
  if (opts && opts.path != null) {
    if (typeof opts.path !== 'string') throw new InvalidArgumentError('invalid opts.path');
    const path = opts.path.startsWith('/') ? opts.path : '/' + opts.path;
    url = new URL(util.parseOrigin(url).origin + path);
  } else {
    if (!opts) opts = typeof url === 'object' ? url : {};
    url = util.parseURL(url);
  }
  const { agent, dispatcher = getGlobalDispatcher() } = opts;
  if (agent) throw new InvalidArgumentError('unsupported opts.agent. Did you mean opts.client?');
  return api.request.call(dispatcher, { ...opts, origin: url.origin, path: url.search ? url.pathname + url.search : url.pathname, method: opts.method || (opts.body ? 'PUT' : 'GET') }, handler);
}
module.exports = { Agent, Dispatcher, request };
`,
    }));
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
export const buildPlugins = [startupInOneChunk, slimUndici, lazyChildProcessInCommander];

export async function buildCli() {
  // No clean step: tests in parallel may be running the previous build; stale
  // chunks are never referenced.
  await build({
    absWorkingDir: root,
    entryPoints: { cli: 'src/cli.ts' },
    outdir: 'dist',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    minifySyntax: true,
    legalComments: 'none',
    logLevel: 'warning',
    external: process.env.QARNOT_BUILD_EXTERNAL_EMULATOR ? ['../../emulator/command.js'] : [],
    define: { __QARNOT_VERSION__: JSON.stringify(version) },
    plugins: buildPlugins,
    // cli-table3, commander, undici and conf's dependencies are CommonJS: give
    // the ESM bundle a require() (only Node built-ins are left to require).
    banner: {
      js: "import { createRequire as __qarnotCreateRequire } from 'node:module'; const require = __qarnotCreateRequire(import.meta.url);",
    },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildCli();
}
