// Installs like a user would: `npm pack` on a clean copy of the sources (no
// dist/: prepack builds it), then `npm install -g` of the tarball into a
// temporary prefix, offline. The installed `qarnot` must run on its own.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';
import { ROOT } from '../helpers/paths.js';

let emu: TestEmulator;

beforeAll(async () => {
  emu = await startEmulator();
});

afterAll(async () => {
  await emu?.stop();
});

describe('npm pack, then npm install -g of the tarball', () => {
  it('gives a working qarnot: --version, task list against the emulator, completion bash', async () => {
    const work = mkdtempSync(join(tmpdir(), 'qarnot-install-'));
    const clone = join(work, 'clone');
    // The sources as a fresh clone has them (tracked and new files, nothing ignored: no dist/).
    const files = (await execa('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT })).stdout.split('\0').filter((f) => f !== '' && f !== 'node_modules');
    for (const file of files) {
      mkdirSync(dirname(join(clone, file)), { recursive: true });
      cpSync(join(ROOT, file), join(clone, file));
    }
    symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(clone, 'node_modules'));
    const npm = (args: string[], cwd: string) =>
      execa('npm', [...args, '--offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd, env: { npm_config_update_notifier: 'false' }, timeout: 120_000 });

    const packed = JSON.parse((await npm(['pack', '--json', '--pack-destination', work], clone)).stdout) as { filename: string; files: { path: string }[] }[];
    expect(packed[0]!.files.map((f) => f.path)).toEqual(expect.arrayContaining(['bin/qarnot.cjs', 'dist/cli.cjs', 'completions/qarnot.bash']));

    const prefix = join(work, 'prefix');
    await npm(['install', '-g', join(work, packed[0]!.filename), '--prefix', prefix], work);
    const qarnot = (args: string[]) =>
      execa(join(prefix, 'bin', 'qarnot'), args, {
        env: { PATH: process.env.PATH, HOME: work, QARNOT_CONFIG_DIR: join(work, 'config'), QARNOT_CLUSTER_URL: emu.url, QARNOT_CLIENT_TOKEN: emu.token },
        extendEnv: false,
        stdin: 'ignore',
      });

    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect((await qarnot(['--version'])).stdout.trim()).toBe(version);
    const created = await emu.call<{ uuid: string }>('POST', '/tasks', { name: 'installed', profile: 'docker-batch', instanceCount: 1 });
    expect((await qarnot(['task', 'list', '-q'])).stdout.trim()).toBe(created.body.uuid);
    expect((await qarnot(['completion', 'bash'])).stdout).toContain('complete -F _qarnot');
  }, 180_000);
});
