import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { cli, cliOk, tempConfigDir } from '../helpers/cli.js';
import { BIN } from '../helpers/paths.js';
import { waitFor } from '../helpers/wait.js';

const env = (dir: string) => ({ configDir: dir, env: { QARNOT_CLUSTER_URL: undefined, QARNOT_CLIENT_TOKEN: undefined } });

describe('the config directory is never chmod-ed', () => {
  it('a 1777 directory, directly or through a symlink, keeps its mode; read-only commands work, storing is refused (4)', async () => {
    const base = tempConfigDir();
    const shared = join(base, 's');
    mkdirSync(shared);
    chmodSync(shared, 0o1777);
    symlinkSync(shared, join(base, 'link'));
    for (const dir of [shared, join(base, 'link')]) {
      expect((await cli(['config', 'list'], env(dir))).exitCode).toBe(0);
      const store = await cli(['context', 'add', 'x'], env(dir));
      expect(store.exitCode).toBe(4);
      expect(store.stderr.trim().split('\n')).toHaveLength(1);
      expect(statSync(shared).mode & 0o7777).toBe(0o1777);
    }
  });

  it('a read-only config directory still serves read-only commands', async () => {
    const dir = tempConfigDir();
    await cliOk(['context', 'add', 'p', '--use'], env(dir));
    chmodSync(dir, 0o500);
    try {
      expect(await cliOk(['context', 'list', '-q'], env(dir))).toBe('p');
      // root writes anywhere: the refusal is only seen as another user.
      if (process.getuid?.() !== 0) {
        const write = await cli(['context', 'add', 'q'], env(dir));
        expect(write.exitCode).toBe(1);
        expect(write.stderr).toMatch(/cannot write the config file|EACCES/);
      }
    } finally {
      chmodSync(dir, 0o700);
    }
    expect(readdirSync(dir).filter((f) => f.includes('tmp') || f.includes('lock'))).toEqual([]);
  });

  it('a config directory of another user is a clear config error, not EPERM', async () => {
    const dir = join(tempConfigDir(), 'locked');
    mkdirSync(dir, { mode: 0o700 });
    writeFileSync(join(dir, 'config.json'), '{}', { mode: 0o600 });
    chmodSync(join(dir, 'config.json'), 0o000);
    if (process.getuid?.() === 0) return; // root reads anything: nothing to show
    const result = await cli(['config', 'list'], env(dir));
    expect(result.stderr).toMatch(/cannot read the config file .*permission denied/);
    expect(result.stderr).not.toMatch(/unexpected error/);
    chmodSync(join(dir, 'config.json'), 0o600);
  });
});

describe('the config lock', () => {
  it('a lock left by a killed process (its pid is gone) is broken at once', async () => {
    const dir = tempConfigDir();
    const dead = execa('node', ['-e', '0']);
    const { pid } = dead;
    await dead;
    writeFileSync(join(dir, 'config.json.lock'), String(pid));
    const result = await cli(['context', 'add', 'after-crash'], { ...env(dir), timeout: 8_000 });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(existsSync(join(dir, 'config.json.lock'))).toBe(false);
  });

  it('read-only commands take no lock; a wait for the lock ends with Ctrl-C (130)', async () => {
    const dir = tempConfigDir();
    // A live holder: this test process.
    writeFileSync(join(dir, 'config.json.lock'), String(process.pid));
    expect((await cli(['config', 'list'], { ...env(dir), timeout: 8_000 })).exitCode).toBe(0);
    const waiting = execa('node', [BIN, 'context', 'add', 'x'], {
      reject: false,
      env: { PATH: process.env.PATH, QARNOT_CONFIG_DIR: dir, HOME: dir },
      extendEnv: false,
    });
    let stderr = '';
    waiting.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await waitFor(() => stderr.includes('waiting for the config lock'), { timeout: 15_000, what: 'the lock wait' });
    waiting.kill('SIGINT');
    const result = await waiting;
    expect(result.exitCode, String(result.stderr)).toBe(130);
    expect(readdirSync(dir).filter((f) => f.includes('tmp'))).toEqual([]);
  });
});
