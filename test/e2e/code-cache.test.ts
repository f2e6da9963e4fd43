import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/paths.js';

// The chunks' code cache (src/lib/chunk-loader.ts): kept in $XDG_CACHE_HOME/qarnot/compile,
// used by later runs, made again when V8 refuses it, never taken from a directory others may write.

async function run(cacheHome: string, env: Record<string, string> = {}) {
  const home = mkdtempSync(join(tmpdir(), 'qarnot-test-cc-home-'));
  return execa('node', [BIN, '--help'], { env: { PATH: process.env.PATH, HOME: home, QARNOT_CONFIG_DIR: home, XDG_CACHE_HOME: cacheHome, ...env }, extendEnv: false, reject: false });
}

/** This install's entry directory, which a first run makes. */
function installDir(cacheHome: string): string {
  const compile = join(cacheHome, 'qarnot', 'compile');
  const [dir] = readdirSync(compile);
  return join(compile, dir!);
}

function entries(dir: string): Map<string, { ino: number; mtimeMs: number }> {
  return new Map(readdirSync(dir).map((name) => [name, { ino: statSync(join(dir, name)).ino, mtimeMs: statSync(join(dir, name)).mtimeMs }]));
}

describe('code cache of the chunks', () => {
  it('a first run keeps one private entry per chunk it loaded, and later runs use them untouched', async () => {
    const cacheHome = mkdtempSync(join(tmpdir(), 'qarnot-test-cc-'));
    const first = await run(cacheHome);
    expect(first.exitCode, first.stderr).toBe(0);
    const dir = installDir(cacheHome);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const made = entries(dir);
    expect([...made.keys()].some((name) => /^main-\w+\.cjs\.v8$/.test(name)), [...made.keys()].join(' ')).toBe(true);
    for (const name of made.keys()) {
      expect(name).toMatch(/\.cjs\.v8$/);
      expect(statSync(join(dir, name)).mode & 0o777).toBe(0o600);
    }
    const second = await run(cacheHome);
    expect(second.exitCode).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    // An entry V8 refused would be written again (a new file renamed over it).
    expect(entries(dir)).toEqual(made);
  });

  it('an entry V8 refuses is only made again; entries of chunks that are gone, and partial writes, are removed', async () => {
    const cacheHome = mkdtempSync(join(tmpdir(), 'qarnot-test-cc-'));
    const first = await run(cacheHome);
    const dir = installDir(cacheHome);
    const main = readdirSync(dir).find((name) => name.startsWith('main-'))!;
    const garbage = Buffer.alloc(statSync(join(dir, main)).size, 7);
    writeFileSync(join(dir, main), garbage);
    writeFileSync(join(dir, 'chunk-GONE1234.cjs.v8'), 'from an older build');
    writeFileSync(join(dir, `${main}.12345`), 'left by a process killed while writing');
    const second = await run(cacheHome);
    expect(second.exitCode, second.stderr).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(readFileSync(join(dir, main)).equals(garbage)).toBe(false);
    expect(existsSync(join(dir, 'chunk-GONE1234.cjs.v8'))).toBe(false);
    expect(existsSync(join(dir, `${main}.12345`))).toBe(false);
  });

  it('an entry damaged inside (a disk error, a crash before it reached the disk) is never given to V8', async () => {
    // V8 checks an entry's header, not its content: damaged bytecode was a fatal error
    // (exit 133) in every later command until the cache was deleted by hand.
    const cacheHome = mkdtempSync(join(tmpdir(), 'qarnot-test-cc-'));
    const first = await run(cacheHome);
    const dir = installDir(cacheHome);
    const main = readdirSync(dir).find((name) => name.startsWith('main-'))!;
    const damaged = readFileSync(join(dir, main));
    for (let i = 200; i < damaged.length; i += 97) damaged[i]! ^= 0xff;
    writeFileSync(join(dir, main), damaged);
    for (let i = 0; i < 2; i++) {
      const again = await run(cacheHome);
      expect(again.exitCode, again.stderr).toBe(0);
      expect(again.stdout).toBe(first.stdout);
    }
    expect(readFileSync(join(dir, main)).equals(damaged)).toBe(false);
    // Checked once, then sealed: later runs read it without checking it again.
    expect(statSync(join(dir, main)).mode & 0o777).toBe(0o400);
  });

  it('a directory others may write to is not used at all', async () => {
    const cacheHome = mkdtempSync(join(tmpdir(), 'qarnot-test-cc-'));
    await run(cacheHome);
    const dir = installDir(cacheHome);
    const main = readdirSync(dir).find((name) => name.startsWith('main-'))!;
    // Someone else's entry in a directory they can write: never read, never replaced.
    writeFileSync(join(dir, main), 'planted');
    chmodSync(dir, 0o777);
    const result = await run(cacheHome);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain('Usage: qarnot');
    expect(readFileSync(join(dir, main), 'utf8')).toBe('planted');
  });

  it('NODE_DISABLE_COMPILE_CACHE turns it off; a cache that cannot be written only costs the cache', async () => {
    const cacheHome = mkdtempSync(join(tmpdir(), 'qarnot-test-cc-'));
    const off = await run(cacheHome, { NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(off.exitCode, off.stderr).toBe(0);
    expect(readdirSync(cacheHome)).toEqual([]);

    const file = join(cacheHome, 'a-file');
    writeFileSync(file, '');
    const unwritable = await run(file);
    expect(unwritable.exitCode, unwritable.stderr).toBe(0);
    expect(unwritable.stdout).toBe(off.stdout);
    expect(unwritable.stderr).toBe('');
  });
});
