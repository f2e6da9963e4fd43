import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { tempConfigDir } from '../helpers/cli.js';
import { BIN } from '../helpers/paths.js';
import { waitFor } from '../helpers/wait.js';

/** The emulator's token need not be in argv (/proc/PID/cmdline is readable by every local user). */
async function startWith(args: string[], env: Record<string, string> = {}) {
  const child = execa('node', [BIN, 'emulator', 'start', '--port', '0', ...args], { reject: false, stdin: 'ignore', env: { QARNOT_CONFIG_DIR: tempConfigDir(), ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  await waitFor(() => /QARNOT_CLIENT_TOKEN=(\S+)/.exec(stdout)?.[1], { timeout: 15_000, what: 'the emulator' });
  const token = /QARNOT_CLIENT_TOKEN=(\S+)/.exec(stdout)![1]!;
  child.kill('SIGTERM');
  await child;
  return { token, stderr, cmdline: child.spawnargs.join(' ') };
}

describe('emulator token', () => {
  it('from QARNOT_EMULATOR_TOKEN: not in argv, no warning', async () => {
    const r = await startWith([], { QARNOT_EMULATOR_TOKEN: 'env-token-123' });
    expect(r.token).toBe('env-token-123');
    expect(r.cmdline).not.toContain('env-token-123');
    expect(r.stderr).not.toMatch(/warning/);
  });

  it('from --token-file: not in argv', async () => {
    const file = join(tempConfigDir(), 'token');
    writeFileSync(file, 'file-token-456\n', { mode: 0o600 });
    const r = await startWith(['--token-file', file]);
    expect(r.token).toBe('file-token-456');
    expect(r.cmdline).not.toContain('file-token-456');
  });

  it('--token still works, with a warning that local users can read it', async () => {
    const r = await startWith(['--token', 'argv-token-789']);
    expect(r.token).toBe('argv-token-789');
    expect(r.stderr).toMatch(/warning: --token is visible to every local user/);
  });
});
