// What every command shares, tried as a demanding user and as an attacker would:
// the config store, contexts and their precedence, completion scripts, the code cache.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempConfigDir } from '../helpers/cli.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';
import { run } from '../helpers/run.js';
import { resolveConnection } from '../../src/config/resolve.js';
import { openConfigStore } from '../../src/config/store.js';

let emu: TestEmulator;

beforeAll(async () => {
  emu = await startEmulator();
});

afterAll(async () => {
  await emu?.stop();
});

/** No token nor URL from the environment: only what is stored counts. */
const stored = (configDir: string) => ({ configDir, env: { QARNOT_CLUSTER_URL: undefined, QARNOT_CLIENT_TOKEN: undefined } });

describe('URLs are checked before they are stored', () => {
  it('login, context add and config import refuse a URL with credentials or another scheme, and store nothing', async () => {
    const dir = tempConfigDir();
    const login = await run(['login', '--with-token', '--no-check', '--api-url', 'https://user:hunter2@api.example.com'], { ...stored(dir), input: 'tok-123\n' });
    expect(login.exitCode).toBe(2);
    expect(login.stderr).toMatch(/--api-url must not hold credentials/);
    expect(login.stderr).not.toContain('hunter2');
    expect((await run(['login', '--with-token', '--no-check', '--api-url', 'ftp://api.example.com'], { ...stored(dir), input: 'tok-123\n' })).exitCode).toBe(2);
    const add = await run(['context', 'add', 'x', '--api-url', 'http://u:hunter2@api.example.com'], stored(dir));
    expect(add.exitCode).toBe(2);
    expect(add.stderr).not.toContain('hunter2');
    const file = join(dir, 'cli.config');
    writeFileSync(file, 'token=tok-123\nuri=https://u:hunter2@api.example.com\n');
    expect((await run(['config', 'import', file], stored(dir))).exitCode).toBe(2);
    const list = await run(['context', 'list', '--json'], stored(dir));
    expect(JSON.parse(list.stdout)).toEqual([]);
    // A good URL is stored without its trailing slash, as before.
    expect((await run(['context', 'add', 'ok', '--api-url', 'https://api.example.com/'], stored(dir))).exitCode).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')).profiles.ok.apiUrl).toBe('https://api.example.com');
  });
});

describe('an explicit --context takes its URL and token together', () => {
  it('never sends QARNOT_CLIENT_TOKEN to the server of a context that has no token', async () => {
    const dir = tempConfigDir();
    expect((await run(['context', 'add', 'other', '--api-url', emu.url], stored(dir))).exitCode).toBe(0);
    // The environment's token is meant for the environment's server (here: none listening).
    const env = { QARNOT_CLIENT_TOKEN: emu.token, QARNOT_CLUSTER_URL: 'http://127.0.0.1:9' };
    await emu.resetCounters();
    const status = await run(['status', '--context', 'other'], { configDir: dir, env });
    expect(status.exitCode).toBe(4);
    expect(status.stderr).toMatch(/no API token for profile "other"/);
    expect((await emu.requests()).total).toBe(0);
  });

  it('a context with a token but no URL goes to the default API, not to QARNOT_CLUSTER_URL', async () => {
    const store = openConfigStore({ QARNOT_CONFIG_DIR: tempConfigDir() });
    await store.saveProfile('imported', { token: 'stored-token' });
    const env = { QARNOT_CLUSTER_URL: 'http://env.example', QARNOT_CLIENT_TOKEN: 'env-token' };
    const connection = await resolveConnection({ color: false, context: 'imported' }, env, async () => store);
    expect(connection).toMatchObject({ apiUrl: 'https://api.qarnot.com', token: 'stored-token' });
    // Without --context the documented precedence stands: the environment over the stored context.
    expect(await resolveConnection({ color: false }, env, async () => store)).toMatchObject({ apiUrl: 'http://env.example', token: 'env-token' });
  });
});
