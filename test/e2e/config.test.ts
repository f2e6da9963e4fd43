import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliOk, tempConfigDir } from '../helpers/cli.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';

let emu: TestEmulator;

beforeAll(async () => {
  emu = await startEmulator();
});

afterAll(async () => {
  await emu?.stop();
});

/** Environment without a token: commands must use the stored profile. */
const noToken = (dir: string) => ({ configDir: dir, env: { QARNOT_CLUSTER_URL: undefined, QARNOT_CLIENT_TOKEN: undefined } });

describe('login and the config store', () => {
  it('stores a checked token from stdin in a 0600 file and uses it', async () => {
    const dir = tempConfigDir();
    const login = await cli(['login', '--with-token', '--api-url', emu.url], { ...noToken(dir), input: `${emu.token}\n` });
    expect(login.exitCode).toBe(0);
    expect(login.stdout).toBe('');
    expect(login.stderr).toMatch(/Logged in to .* as context "default"/);
    const file = join(dir, 'config.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(readFileSync(file, 'utf8')).toContain(emu.token);
    expect((await cli(['account', '--json'], noToken(dir))).exitCode).toBe(0);
    const list = await cliOk(['config', 'list', '--json'], noToken(dir));
    expect(JSON.parse(list)).toEqual([expect.objectContaining({ context: 'default', active: true, token: `****${emu.token.slice(-4)}` })]);
    expect((await cli(['logout'], noToken(dir))).exitCode).toBe(0);
    expect((await cli(['account'], noToken(dir))).exitCode).toBe(4);
  });

  it('refuses a wrong token, a token as an argument, and a prompt without a terminal', async () => {
    const dir = tempConfigDir();
    const wrong = await cli(['login', '--with-token', '--api-url', emu.url], { ...noToken(dir), input: 'not-the-token\n' });
    expect(wrong.exitCode).toBe(4);
    expect((await cli(['config', 'list', '-q'], noToken(dir))).stdout).toBe('');
    const argument = await cli(['login', 'some-secret-token'], noToken(dir));
    expect(argument.exitCode).toBe(2);
    expect(argument.stderr).toMatch(/shell history/);
    expect(argument.stderr).not.toContain('some-secret-token');
    const noTty = await cli(['login'], noToken(dir));
    expect(noTty.exitCode).toBe(2);
    expect(noTty.stderr).toMatch(/--with-token/);
  });

  it('manages stored contexts and settings, with flags over env over the context', async () => {
    const dir = tempConfigDir();
    const opts = noToken(dir);
    await cliOk(['context', 'add', 'local', '--api-url', emu.url, '--use'], opts);
    await cliOk(['login', '--with-token'], { ...opts, input: emu.token });
    await cliOk(['context', 'add', 'other', '--api-url', 'http://127.0.0.1:9'], opts);
    expect(await cliOk(['context', 'list', '-q'], opts)).toBe('local\nother');
    expect(await cliOk(['config', 'get', 'api-url'], opts)).toBe(emu.url);
    expect(await cliOk(['config', 'get', 'api-url', '--context', 'other'], opts)).toBe('http://127.0.0.1:9');
    expect((await cli(['status'], opts)).exitCode).toBe(0);
    // --context other has no token: exit 4 without a network call.
    expect((await cli(['status', '--context', 'other'], opts)).exitCode).toBe(4);
    // The environment beats the stored context's URL ...
    expect((await cli(['status'], { ...opts, env: { ...opts.env, QARNOT_CLUSTER_URL: 'http://127.0.0.1:9' } })).exitCode).toBe(1);
    // ... and a flag beats the environment.
    expect((await cli(['status', '--api-url', emu.url], { ...opts, env: { ...opts.env, QARNOT_CLUSTER_URL: 'http://127.0.0.1:9' } })).exitCode).toBe(0);
    await cliOk(['config', 'set', 'as', 'lead@example.com'], opts);
    expect(await cliOk(['config', 'get', 'as'], opts)).toBe('lead@example.com');
    await cliOk(['config', 'unset', 'as'], opts);
    expect((await cli(['config', 'get', 'as'], opts)).exitCode).toBe(1);
    expect((await cli(['config', 'set', 'token', 'x'], opts)).exitCode).toBe(2);
    expect((await cli(['config', 'set', 'colour', 'x'], opts)).stderr).toMatch(/KEY must be one of api-url, as/);
    expect((await cli(['config', 'set', 'api-url', 'nope'], opts)).exitCode).toBe(2);
    expect((await cli(['status', '--context', 'missing'], opts)).stderr).toMatch(/no context named "missing"; known contexts: local, other/);
    await cliOk(['context', 'use', 'other'], opts);
    await cliOk(['context', 'remove', 'other'], opts);
    expect(await cliOk(['context', 'list', '-q'], opts)).toBe('local');
  });

  it('keeps the old spellings one release, each with one deprecation line on stderr', async () => {
    const dir = tempConfigDir();
    const opts = noToken(dir);
    const added = await cli(['config', 'profile', 'add', 'old', '--api-url', emu.url], opts);
    expect(added.exitCode).toBe(0);
    expect(added.stderr).toMatch(/^warning: "qarnot config profile add" is deprecated.*"qarnot context add"$/m);
    await cliOk(['login', '--with-token', '--context', 'old'], { ...opts, input: emu.token });
    const flag = await cli(['--profile', 'old', 'status'], opts);
    expect(flag.exitCode, flag.stderr).toBe(0);
    expect(flag.stderr).toMatch(/^warning: the global --profile is deprecated.*--context NAME$/);
    const env = await cli(['status'], { ...opts, env: { ...opts.env, QARNOT_PROFILE: 'old' } });
    expect(env.exitCode, env.stderr).toBe(0);
    expect(env.stderr).toBe('warning: QARNOT_PROFILE is deprecated; use QARNOT_CONTEXT');
    const context = await cli(['status'], { ...opts, env: { ...opts.env, QARNOT_CONTEXT: 'old' } });
    expect(context.exitCode, context.stderr).toBe(0);
    expect(context.stderr).not.toMatch(/deprecated/);
  });

  it('imports an official CLI config file', async () => {
    const dir = tempConfigDir();
    const file = join(dir, 'cli.config');
    writeFileSync(file, `token=${emu.token}\nuri=${emu.url}\nstorage=https://storage.qarnot.com\n`);
    await cliOk(['config', 'import', file], noToken(dir));
    expect((await cli(['account'], noToken(dir))).exitCode).toBe(0);
    expect((await cli(['config', 'import', dir], noToken(dir))).stderr).toMatch(/is a directory/);
  });

  it('imports into a new context when the one in use has a token: never replaces it silently', async () => {
    const dir = tempConfigDir();
    await cliOk(['login', '--with-token', '--api-url', emu.url], { ...noToken(dir), input: emu.token });
    const file = join(dir, 'cli.config');
    writeFileSync(file, 'token=other-token-from-file\nuri=https://api.example.com\n');
    const first = await cli(['config', 'import', file], noToken(dir));
    expect(first.stderr).toContain('into context "imported"; use it with: qarnot context use imported');
    expect((await cli(['config', 'import', file], noToken(dir))).stderr).toContain('into context "imported-2"');
    // The context in use still reaches the emulator with its own token.
    expect((await cli(['account'], noToken(dir))).exitCode).toBe(0);
    expect((await cliOk(['config', 'get', 'api-url'], noToken(dir))).trim()).toBe(emu.url);
  });

  it('reports a corrupted config file clearly', async () => {
    const dir = tempConfigDir();
    await cliOk(['config', 'profile', 'add', 'p'], noToken(dir));
    writeFileSync(join(dir, 'config.json'), '{"profiles": {');
    const result = await cli(['config', 'list'], noToken(dir));
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/config\.json is unreadable .*move it away and run "qarnot login" again/);
    expect(result.stderr.split('\n')).toHaveLength(1);
  });

  it('never leaves a corrupt file after parallel writes', async () => {
    const dir = tempConfigDir();
    await cliOk(['config', 'profile', 'add', 'p', '--use'], noToken(dir));
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => cli(['config', 'set', 'as', `user${i}@example.com`], noToken(dir))));
    for (const r of results) expect(r.exitCode).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toHaveProperty('profiles.p.as');
    // Different fields of one profile, set at once: both are kept.
    const both = await Promise.all([
      cli(['config', 'set', 'api-url', 'http://127.0.0.1:7'], noToken(dir)),
      cli(['config', 'set', 'as', 'lead@example.com'], noToken(dir)),
    ]);
    for (const r of both) expect(r.exitCode).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')).profiles.p).toEqual({ apiUrl: 'http://127.0.0.1:7', as: 'lead@example.com' });
  });
});
