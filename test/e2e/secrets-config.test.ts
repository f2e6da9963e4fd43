import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliOk, tempConfigDir } from '../helpers/cli.js';

/**
 * The config store holds the tokens: a broken or foreign file is reported (naming
 * the file and the fix) and left untouched, and parallel writers lose nothing.
 * No emulator needed: these commands never call the API.
 */
const env = (dir: string) => ({ configDir: dir, env: { QARNOT_CLUSTER_URL: undefined, QARNOT_CLIENT_TOKEN: undefined } });
const FIX = /fix it by hand, or move it away and run "qarnot login" again$/;

describe('a broken config file is reported clearly and left untouched', () => {
  it.each([
    { what: 'an empty file', content: '', reason: /is empty/ },
    { what: 'truncated JSON', content: '{"profiles": {', reason: /is unreadable \(/ },
    { what: 'a JSON array', content: '[]', reason: /is not a qarnot config \(expected a JSON object/ },
    { what: 'JSON null', content: 'null', reason: /is not a qarnot config/ },
    { what: 'profiles that are not an object', content: '{"profiles": "x"}', reason: /"profiles" must be an object/ },
    { what: 'a profile that is a string', content: '{"profiles": {"default": "tok"}}', reason: /profile "default" must be an object/ },
    { what: 'a token that is a number', content: '{"profiles": {"default": {"token": 5}}}', reason: /"profiles\.default\.token" must be a string/ },
    { what: 'an active profile that is a number', content: '{"activeProfile": 3, "profiles": {}}', reason: /"activeProfile" must be a string/ },
  ])('$what', async ({ content, reason }) => {
    const dir = tempConfigDir();
    const file = join(dir, 'config.json');
    writeFileSync(file, content, { mode: 0o600 });
    for (const args of [['config', 'list'], ['status'], ['config', 'set', 'as', 'x@example.com']]) {
      const result = await cli(args, env(dir));
      expect(result.exitCode, result.stderr).toBe(1);
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(file);
      expect(lines[0]).toMatch(reason);
      expect(lines[0]).toMatch(FIX);
      expect(lines[0]).not.toMatch(/unexpected error/);
    }
    // Never rewritten: it may hold tokens the user wants back.
    expect(readFileSync(file, 'utf8')).toBe(content);
  });

  it('a config directory that is a file', async () => {
    const base = tempConfigDir();
    const notDir = join(base, 'qarnot');
    writeFileSync(notDir, 'I am a file');
    const result = await cli(['config', 'list'], env(notDir));
    expect(result.exitCode).toBe(1);
    expect(result.stderr.trimEnd()).toBe(
      `error: the config directory ${notDir} is not a directory; move that file away, or point QARNOT_CONFIG_DIR at a directory`,
    );
  });

  it('a config file that is a directory', async () => {
    const dir = tempConfigDir();
    mkdirSync(join(dir, 'config.json'));
    const result = await cli(['config', 'list'], env(dir));
    expect(result.exitCode).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/config\.json is unreadable \(EISDIR/);
  });
});

describe('parallel writers', () => {
  it('keep every profile added at once, and leave a valid file and no lock behind', async () => {
    const dir = tempConfigDir();
    const names = Array.from({ length: 12 }, (_, i) => `p${i}`);
    const results = await Promise.all(names.map((name, i) => cli(['config', 'profile', 'add', name, '--api-url', `http://127.0.0.1:${9000 + i}`], env(dir))));
    for (const r of results) expect(r.exitCode, r.stderr).toBe(0);
    expect((await cliOk(['config', 'profile', 'list', '-q'], env(dir))).split('\n').sort()).toEqual([...names].sort());
    // Then one setting per profile, all at once: none lost.
    const sets = await Promise.all(names.map((name) => cli(['config', 'set', 'as', `${name}@example.com`, '--profile', name], env(dir))));
    for (const r of sets) expect(r.exitCode, r.stderr).toBe(0);
    const stored = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as { profiles: Record<string, { as?: string; apiUrl?: string }> };
    for (const [i, name] of names.entries()) {
      expect(stored.profiles[name]).toEqual({ apiUrl: `http://127.0.0.1:${9000 + i}`, as: `${name}@example.com` });
    }
    expect(readdirSync(dir).filter((f) => f.includes('lock'))).toEqual([]);
  });

  it('break a lock left behind by a killed process once it is stale', async () => {
    const dir = tempConfigDir();
    const lock = join(dir, 'config.json.lock');
    writeFileSync(lock, '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    await cliOk(['config', 'profile', 'add', 'after-crash'], env(dir));
    expect(await cliOk(['config', 'profile', 'list', '-q'], env(dir))).toBe('after-crash');
    expect(existsSync(lock)).toBe(false);
  });
});
