// Bundles the CLI into dist/ with esbuild. Every `import()` of a command's
// implementation becomes its own chunk, so start-up only parses what it runs.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));

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
    // cli-table3 and conf's dependencies are CommonJS: give the ESM bundle a require().
    banner: {
      js: "import { createRequire as __qarnotCreateRequire } from 'node:module'; const require = __qarnotCreateRequire(import.meta.url);",
    },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildCli();
}
