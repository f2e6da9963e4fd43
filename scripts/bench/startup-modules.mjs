// What a command loads, by source module: builds a private copy of the CLI
// (tolerant build, with esbuild's metafile), runs the command with a preload
// that records every file it required, and maps those chunks back
// to the sources and packages in them. Explains a start-up ratio; not part of
// `npm run bench`. Environment (QARNOT_CLUSTER_URL ...) is passed through.
//   node scripts/bench/startup-modules.mjs task list --help
//   node scripts/bench/startup-modules.mjs task show ID
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tolerantBuild } from './tolerant-build.mjs';

export async function modulesLoadedBy(args) {
  const out = mkdtempSync(join(tmpdir(), 'qarnot-bench-modules-'));
  try {
    const bin = await tolerantBuild(out);
    const log = join(out, 'loaded.txt');
    // The bundle is CommonJS: every file it loaded is in require.cache when the process exits.
    const preload = join(out, 'record-loaded.cjs');
    writeFileSync(
      preload,
      `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(log)}, Object.keys(require.cache).filter((f) => f !== __filename).join('\\n')));\n`,
    );
    const run = spawnSync(process.execPath, ['--require', preload, bin, ...args], { encoding: 'utf8' });
    const meta = JSON.parse(readFileSync(join(out, 'meta.json'), 'utf8'));
    const loaded = readFileSync(log, 'utf8').split('\n').filter(Boolean).map((file) => relative(out, file));
    const bySource = new Map();
    let total = 0;
    for (const file of loaded) {
      const output = Object.entries(meta.outputs).find(([key]) => key.endsWith(file))?.[1];
      if (!output) continue;
      for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
        const parts = input.split('/');
        const source = parts[0] === 'node_modules' ? parts.slice(0, parts[1].startsWith('@') ? 3 : 2).join('/') : input;
        bySource.set(source, (bySource.get(source) ?? 0) + bytesInOutput);
        total += bytesInOutput;
      }
    }
    return { exitCode: run.status, files: loaded.length, total, bySource: [...bySource].sort((a, b) => b[1] - a[1]) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const { exitCode, files, total, bySource } = await modulesLoadedBy(args);
  process.stdout.on('error', () => {}); // piped into head
  const lines = bySource.slice(0, 30).map(([source, bytes]) => `${(bytes / 1024).toFixed(1).padStart(8)} KiB  ${source}\n`);
  process.stdout.write(`qarnot ${args.join(' ')} (exit ${exitCode}): ${files} files, ${(total / 1024).toFixed(1)} KiB of bundled code\n${lines.join('')}`);
}
