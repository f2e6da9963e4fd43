import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliOk, tempConfigDir, type CliResult } from '../helpers/cli.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';

/**
 * The token never appears on stdout or stderr. cli() already fails any run that
 * prints the emulator's token or QARNOT_CLIENT_TOKEN; these tests aim at the
 * places most likely to leak it (traces, errors, config output, login, dry runs)
 * and also check tokens the helper does not know about (a wrong one typed at login).
 */
let emu: TestEmulator;

beforeAll(async () => {
  emu = await startEmulator();
});

afterAll(async () => {
  await emu?.stop();
});

const noEnvToken = (dir: string) => ({ configDir: dir, env: { QARNOT_CLUSTER_URL: undefined, QARNOT_CLIENT_TOKEN: undefined } });

function expectNoSecret(result: CliResult, secret: string): void {
  expect(result.stdout).not.toContain(secret);
  expect(result.stderr).not.toContain(secret);
  // Not even most of it: a mask shows at most the last four characters.
  expect(result.stdout + result.stderr).not.toContain(secret.slice(0, -4));
}

describe('config files', () => {
  it('are 0600 in a 0700 directory they create; a pre-existing 0755 one is refused (exit 4) and left as it is', async () => {
    const dir = join(tempConfigDir(), 'nested', 'qarnot');
    await cliOk(['login', '--with-token', '--api-url', emu.url], { ...noEnvToken(dir), input: emu.token });
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'config.json')).mode & 0o777).toBe(0o600);
    const open = join(tempConfigDir(), 'open');
    mkdirSync(open, { mode: 0o755 });
    chmodSync(open, 0o755);
    const refused = await cli(['login', '--with-token', '--api-url', emu.url], { ...noEnvToken(open), input: emu.token });
    expect(refused.exitCode).toBe(4);
    expect(refused.stderr).toMatch(/open to other users \(mode 755\).*chmod 700/);
    expect(statSync(open).mode & 0o777).toBe(0o755);
  });

  it('tighten a pre-existing world-readable config file on the next write', async () => {
    const dir = tempConfigDir();
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ activeProfile: 'default', profiles: {} }), { mode: 0o644 });
    chmodSync(join(dir, 'config.json'), 0o644);
    await cliOk(['login', '--with-token', '--api-url', emu.url], { ...noEnvToken(dir), input: emu.token });
    expect(statSync(join(dir, 'config.json')).mode & 0o777).toBe(0o600);
  });
});

describe('the token never appears in output', () => {
  it('--verbose traces of a successful command', async () => {
    const result = await cli(['task', 'list', '--verbose'], { emulator: emu });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toMatch(/> POST .*\/tasks\/paginate/);
    expectNoSecret(result, emu.token);
  });

  it('--verbose traces and errors of failing commands (404, 401, unreachable)', async () => {
    const missing = await cli(['task', 'show', '00000000-0000-4000-8000-000000000000', '--verbose'], { emulator: emu });
    expect(missing.exitCode).toBe(3);
    expectNoSecret(missing, emu.token);

    const wrongToken = `wrong-${emu.token}-x`;
    const unauthorized = await cli(['task', 'list', '--verbose'], { emulator: emu, env: { QARNOT_CLIENT_TOKEN: wrongToken } });
    expect(unauthorized.exitCode).toBe(4);
    expect(unauthorized.stderr).toMatch(/authentication failed/);
    expectNoSecret(unauthorized, wrongToken);

    const unreachable = await cli(['task', 'list', '--verbose'], { emulator: emu, env: { QARNOT_CLUSTER_URL: 'http://127.0.0.1:9' } });
    expect(unreachable.exitCode).toBe(1);
    expect(unreachable.stderr).toMatch(/cannot reach the API/);
    expectNoSecret(unreachable, emu.token);
  });

  it('every output format of config list, and config get', async () => {
    const dir = tempConfigDir();
    await cliOk(['login', '--with-token', '--api-url', emu.url], { ...noEnvToken(dir), input: emu.token });
    for (const format of [[], ['--json'], ['--format', 'jsonl'], ['--format', 'tsv'], ['--format', 'table'], ['-q'], ['--fields', 'context,token']]) {
      const result = await cli(['config', 'list', ...format], noEnvToken(dir));
      expect(result.exitCode).toBe(0);
      expectNoSecret(result, emu.token);
    }
    const list = JSON.parse(await cliOk(['config', 'list', '--json'], noEnvToken(dir))) as { token: string }[];
    expect(list[0]!.token).toBe(`****${emu.token.slice(-4)}`);
    const get = await cli(['config', 'get', 'token'], noEnvToken(dir));
    expect(get.exitCode).toBe(2);
    expectNoSecret(get, emu.token);
    for (const args of [['config', 'profile', 'list', '--json'], ['profile', 'list', '--json'], ['status', '--verbose'], ['account', '--json']]) {
      const result = await cli(args, noEnvToken(dir));
      expectNoSecret(result, emu.token);
    }
  });

  it('login failures, with and without --verbose', async () => {
    const dir = tempConfigDir();
    const typed = 'a-wrong-token-typed-at-login-1234';
    for (const verbose of [[], ['--verbose']]) {
      const wrong = await cli(['login', '--with-token', '--api-url', emu.url, ...verbose], { ...noEnvToken(dir), input: `${typed}\n` });
      expect(wrong.exitCode).toBe(4);
      expectNoSecret(wrong, typed);
      const unreachable = await cli(['login', '--with-token', '--api-url', 'http://127.0.0.1:9', ...verbose], { ...noEnvToken(dir), input: `${typed}\n` });
      expect(unreachable.exitCode).not.toBe(0);
      expectNoSecret(unreachable, typed);
    }
    // A wrong token is not stored.
    expect((await cli(['config', 'list', '-q'], noEnvToken(dir))).stdout).toBe('');
  });

  it('--dry-run bodies of every create verb', async () => {
    const runs = [
      ['task', 'create', '--name', 't', '--profile', 'docker-batch', '-c', 'DOCKER_CMD=echo hi', '--dry-run'],
      ['task', 'create', '--name', 't', '--profile', 'docker-batch', '--export-credentials', '--dry-run'],
      ['pool', 'create', '--name', 'p', '--profile', 'docker-batch', '--export-credentials', '--dry-run'],
      ['job', 'create', '--name', 'j', '--dry-run'],
      ['pool', 'scaling', 'set', '00000000-0000-4000-8000-000000000000', '--fixed', '2', '--always', '--dry-run'],
    ];
    await emu.resetCounters();
    for (const args of runs) {
      for (const verbose of [[], ['--verbose']]) {
        const result = await cli([...args, ...verbose], { emulator: emu });
        expect(result.exitCode, `${args.join(' ')}: ${result.stderr}`).toBe(0);
        expectNoSecret(result, emu.token);
      }
    }
    expect((await emu.requests()).total).toBe(0);
  });
});
