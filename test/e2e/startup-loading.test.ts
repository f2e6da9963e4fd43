import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../helpers/emulator.js';
import { BIN } from '../helpers/paths.js';

// Start-up is measured by `npm run bench`, never timed here. What these tests hold is its
// cause: the Node modules a command loads. The baseline is an empty CommonJS script on the
// same Node, so the tests do not depend on Node's own version.
const dir = mkdtempSync(join(tmpdir(), 'qarnot-test-startup-'));
const recorder = join(dir, 'record.cjs');
writeFileSync(recorder, "process.on('exit', () => require('node:fs').writeFileSync(process.env.LOADED_OUT, process.moduleLoadList.join('\\n')));\n");
const empty = join(dir, 'empty.cjs');
writeFileSync(empty, '');

/**
 * The files of dist/ that running `args` loads: dist/cli.cjs, and the chunks its loader
 * (src/lib/chunk-loader.ts) compiled, each of which gets an entry in a fresh code cache.
 */
async function distFilesLoadedBy(args: string[], env: Record<string, string>): Promise<string[]> {
  const cacheHome = mkdtempSync(join(dir, 'xdg-cache-'));
  const result = await execa('node', [BIN, ...args], { env: { PATH: process.env.PATH, QARNOT_CONFIG_DIR: dir, HOME: dir, XDG_CACHE_HOME: cacheHome, ...env }, extendEnv: false, reject: false });
  expect(result.exitCode, result.stderr).toBe(0);
  const compileDir = join(cacheHome, 'qarnot', 'compile');
  const [installDir, ...others] = readdirSync(compileDir);
  expect(others).toEqual([]);
  const chunks = readdirSync(join(compileDir, installDir!)).map((entry) => `dist/chunks/${entry.replace(/\.v8$/, '')}`);
  return ['dist/cli.cjs', ...chunks.sort()];
}

/** Node's internal modules and bindings that running `args` loads (stdout and stderr are pipes, as in scripts). */
async function loadedBy(script: string, args: string[]): Promise<Set<string>> {
  const out = join(dir, `loaded-${Math.random().toString(36).slice(2)}.txt`);
  const result = await execa('node', ['--require', recorder, script, ...args], {
    env: { PATH: process.env.PATH, LOADED_OUT: out, QARNOT_CONFIG_DIR: dir, HOME: dir },
    extendEnv: false,
    reject: false,
  });
  expect(result.exitCode).toBe(0);
  return new Set(readFileSync(out, 'utf8').split('\n'));
}

async function extraModules(args: string[]): Promise<string[]> {
  const [baseline, loaded] = await Promise.all([loadedBy(empty, []), loadedBy(BIN, args)]);
  return [...loaded].filter((name) => !baseline.has(name)).sort();
}

describe('start-up loads only what the command needs', () => {
  it('--version loads nothing an empty script does not', async () => {
    expect(await extraModules(['--version'])).toEqual([]);
  });

  it('--help loads neither the ES module loader nor streams: only the Ctrl-C handler', async () => {
    // A CommonJS bundle spares Node's ES module loader; help is written straight to the descriptor.
    // vm compiles the chunks with their code cache (src/lib/chunk-loader.ts).
    expect(await extraModules(['--help'])).toEqual(['Internal Binding signal_wrap', 'NativeModule internal/abort_controller', 'NativeModule process', 'NativeModule vm']);
  });

  it('a verb\'s help loads no more than the top-level help', async () => {
    expect(await extraModules(['task', 'list', '--help'])).toEqual(await extraModules(['--help']));
  });
});

describe('the build cuts the bundle into few files (scripts/build.mjs, startupInOneChunk)', () => {
  it('task show loads the start-up chunk, the task declarations, the verb runtime and its own chunk: 8 files', { timeout: 30_000 }, async () => {
    const emu = await startEmulator();
    try {
      const created = await emu.call<{ uuid: string }>('POST', '/tasks', { name: 'files', profile: 'docker-batch', instanceCount: 1 });
      const files = await distFilesLoadedBy(['task', 'show', created.body.uuid], { QARNOT_CLUSTER_URL: emu.url, QARNOT_CLIENT_TOKEN: emu.token });
      // dist/cli.cjs; the start-up chunk (with the resource descriptors the noun declarations
      // read) and esbuild's shared helpers; the verb runtime (VERB_RUNTIME in scripts/build.mjs);
      // task/show; and one small entry chunk for each of main, task, context. More means a module that every verb uses has
      // fallen out of VERB_RUNTIME (or STARTUP_EXTRA) and become a chunk of its own.
      expect(files, files.join('\n')).toHaveLength(8);
    } finally {
      await emu.stop();
    }
  });

  it('bucket ls loads the same, with bucket for task, and one storage runtime (S3 client, aws4, saxes): 9 files', { timeout: 30_000 }, async () => {
    const emu = await startEmulator();
    try {
      const env = { QARNOT_CLUSTER_URL: emu.url, QARNOT_CLIENT_TOKEN: emu.token, QARNOT_STORAGE_URL: emu.storageUrl, QARNOT_ACCOUNT_EMAIL: emu.email };
      await execa('node', [BIN, 'bucket', 'create', 'startup-files'], { env: { ...env, QARNOT_CONFIG_DIR: dir, HOME: dir } });
      const files = await distFilesLoadedBy(['bucket', 'ls', 'startup-files'], env);
      // As task show, plus the storage runtime (STORAGE_RUNTIME in scripts/build.mjs), whose
      // aws4, saxes and lib/xml.ts the emulator shares. More means a storage module fell out of
      // it (16 files before it existed).
      expect(files, files.join('\n')).toHaveLength(9);
    } finally {
      await emu.stop();
    }
  });
});
