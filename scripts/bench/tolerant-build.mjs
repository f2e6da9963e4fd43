// A bench-only build for a tree where some verbs are still being written:
// the same esbuild options as scripts/build.mjs (bundleOptions), but an import of a source file
// that does not exist yet becomes a stub verb that fails with "verb missing"
// (the bench then reports "n/a (verb missing)" for what needs it).
// Writes <outRoot>/dist, <outRoot>/bin/qarnot.cjs and esbuild's metafile
// <outRoot>/meta.json; returns the bin path.
//   node scripts/bench/tolerant-build.mjs /tmp/qarnot-bench-build
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBoth, bundleOptions } from '../build.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const MISSING_VERB_MESSAGE = 'qarnot-bench: verb missing';

export const stubPlugin = {
  name: 'missing-verbs-as-stubs',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\/.*\.js$/ }, (args) => {
      if (!args.importer.startsWith(join(root, 'src'))) return undefined;
      const target = resolve(dirname(args.importer), args.path);
      if (existsSync(target) || existsSync(target.replace(/\.js$/, '.ts'))) return undefined;
      return { path: target, namespace: 'missing-verb' };
    });
    b.onLoad({ filter: /.*/, namespace: 'missing-verb' }, () => ({
      contents: `export async function run() { throw new Error(${JSON.stringify(MISSING_VERB_MESSAGE)}); }`,
      loader: 'js',
    }));
  },
};

export async function tolerantBuild(outRoot, overrides = {}) {
  const options = bundleOptions(join(outRoot, 'dist'));
  const result = await buildBoth(join(outRoot, 'dist'), { ...options, metafile: true, logLevel: 'error', plugins: [stubPlugin, ...options.plugins], ...overrides });
  writeFileSync(join(outRoot, 'meta.json'), JSON.stringify(result.metafile));
  mkdirSync(join(outRoot, 'bin'), { recursive: true });
  // dist/ must sit next to a node_modules for anything left external.
  writeFileSync(join(outRoot, 'bin', 'qarnot.cjs'), "#!/usr/bin/env node\nrequire('../dist/cli.cjs');\n");
  return join(outRoot, 'bin', 'qarnot.cjs');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ?? '/tmp/qarnot-bench-build';
  process.stdout.write(`${await tolerantBuild(out)}\n`);
}
