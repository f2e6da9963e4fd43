import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { tempConfigDir } from '../helpers/cli.js';
import { BIN } from '../helpers/paths.js';
import { waitFor } from '../helpers/wait.js';

// Issue 16 #4: extra accounts' tokens need not be in argv (/proc/PID/cmdline is readable by every local user).

const ALICE = { email: 'alice@example.com', token: 'alice-token-4f1c' };
const BOB = { email: 'bob@example.com', token: 'bob:token:with:colons' };

function accountsFile(text: string, mode = 0o600): string {
  const file = join(tempConfigDir(), 'accounts');
  writeFileSync(file, text);
  chmodSync(file, mode);
  return file;
}

const emulatorArgs = (args: string[]) => [BIN, 'emulator', 'start', '--port', '0', ...args];

/** Starts the emulator, checks which tokens it accepts, stops it. */
async function accepted(args: string[], env: Record<string, string>, tokens: string[]) {
  const child = execa('node', emulatorArgs(args), { reject: false, stdin: 'ignore', env: { QARNOT_CONFIG_DIR: tempConfigDir(), ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  try {
    const url = await waitFor(() => /QARNOT_CLUSTER_URL=(\S+)\n/.exec(stdout)?.[1], { timeout: 15_000, what: `the emulator to start (${stderr})` });
    const statuses: Record<string, number> = {};
    for (const token of tokens) {
      const res = await request(`${url}/info`, { headers: { authorization: token } });
      await res.body.dump();
      statuses[token] = res.statusCode;
    }
    return { statuses, stderr, cmdline: child.spawnargs.join(' ') };
  } finally {
    child.kill('SIGTERM');
    await child;
  }
}

async function refused(args: string[], env: Record<string, string> = {}) {
  const r = await execa('node', emulatorArgs(args), { reject: false, stdin: 'ignore', timeout: 15_000, env: { QARNOT_CONFIG_DIR: tempConfigDir(), ...env } });
  return { exitCode: r.exitCode, stdout: String(r.stdout), stderr: String(r.stderr) };
}

describe('emulator accounts', () => {
  it('--accounts-file: EMAIL:TOKEN lines with comments, tokens not in argv, no warning', async () => {
    const file = accountsFile(`# team\n${ALICE.email}:${ALICE.token}\n\n  ${BOB.email}:${BOB.token}   # bob\n`);
    const r = await accepted(['--accounts-file', file], {}, [ALICE.token, BOB.token, 'wrong']);
    expect(r.statuses).toEqual({ [ALICE.token]: 200, [BOB.token]: 200, wrong: 401 });
    expect(r.cmdline).not.toContain(ALICE.token);
    expect(r.stderr).not.toMatch(/warning/);
  });

  it('QARNOT_EMULATOR_ACCOUNTS: entries separated by blanks or newlines, added to the file ones', async () => {
    const file = accountsFile(`${ALICE.email}:${ALICE.token}\n`);
    const env = { QARNOT_EMULATOR_ACCOUNTS: `${BOB.email}:${BOB.token} carol@example.com:carol-token\n` };
    const r = await accepted(['--accounts-file', file], env, [ALICE.token, BOB.token, 'carol-token']);
    expect(r.statuses).toEqual({ [ALICE.token]: 200, [BOB.token]: 200, 'carol-token': 200 });
  });

  it('--account still works, with a warning that local users can read its token', async () => {
    const r = await accepted(['--account', `${ALICE.email}:${ALICE.token}`], {}, [ALICE.token]);
    expect(r.statuses).toEqual({ [ALICE.token]: 200 });
    expect(r.stderr).toMatch(/warning: --account puts its token where every local user can read it/);
  });

  it('refuses a file other users can read (token file too), a bad line (without echoing it) and a duplicate, exit 2', async () => {
    const open = await refused(['--accounts-file', accountsFile(`${ALICE.email}:${ALICE.token}\n`, 0o644)]);
    expect(open).toMatchObject({ exitCode: 2, stdout: '' });
    expect(open.stderr).toMatch(/--accounts-file: other users can read or change .* \(mode 0644\); run "chmod 600 /);

    const bad = await refused(['--accounts-file', accountsFile(`${ALICE.email}:${ALICE.token}\nsecret-without-email\n`)]);
    expect(bad).toMatchObject({ exitCode: 2, stdout: '' });
    expect(bad.stderr).toMatch(/--accounts-file ".*", line 2: expected EMAIL:TOKEN entries/);
    expect(bad.stderr).not.toContain('secret-without-email');

    const twice = await refused(['--accounts-file', accountsFile(`${ALICE.email}:${ALICE.token}\n`)], { QARNOT_EMULATOR_ACCOUNTS: `${ALICE.email}:other` });
    expect(twice).toMatchObject({ exitCode: 2, stdout: '' });
    expect(twice.stderr).toMatch(/the email alice@example.com is used twice/);

    const tokenFile = accountsFile('a-token\n', 0o640);
    const openToken = await refused(['--token-file', tokenFile]);
    expect(openToken).toMatchObject({ exitCode: 2, stdout: '' });
    expect(openToken.stderr).toMatch(/--token-file: other users can read or change .* \(mode 0640\)/);

    const missing = await refused(['--accounts-file', '/nonexistent/accounts']);
    expect(missing).toMatchObject({ exitCode: 2 });
    expect(missing.stderr).toMatch(/--accounts-file: cannot read "\/nonexistent\/accounts" \(ENOENT\)/);
  });
});
