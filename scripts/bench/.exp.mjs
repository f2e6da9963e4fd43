import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tolerantBuild, stubPlugin } from './tolerant-build.mjs';
const root = '/work/main';
const mainTs = join(root, 'src/main.ts');
const startupOneChunk = {
  name: 'startup-one-chunk',
  setup(b) {
    const dynamicTargets = new Set();
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'dynamic-import' && args.importer.startsWith(join(root, 'src'))) {
        const p = join(args.resolveDir, args.path).replace(/\.js$/, '.ts');
        dynamicTargets.add(p);
      }
      return undefined;
    });
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      if (!dynamicTargets.has(args.path) || args.path === mainTs) return undefined;
      return { contents: `${readFileSync(args.path, 'utf8')}\nimport ${JSON.stringify(mainTs)};\n`, loader: 'ts' };
    });
  },
};
await tolerantBuild('/tmp/v-one', { plugins: [stubPlugin, startupOneChunk] });
