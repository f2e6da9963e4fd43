import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installDir } from '../../src/lib/compile-cache.js';
import { cli, cliOk } from '../helpers/cli.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';
import { ROOT } from '../helpers/paths.js';

// Node 22+ keeps its own compile cache (module.enableCompileCache); ours is for Node 20.
const ownCache = Number(process.versions.node.split('.')[0]) < 22;

/** Where a run of the install in `root` with this XDG_CACHE_HOME keeps its entries. */
const entriesDir = (cacheHome: string, root = ROOT) =>
  installDir(join(cacheHome, 'qarnot', 'compile'), join(root, 'dist', 'chunks'));

/** Entry name → inode: a rewritten entry (written aside, then renamed) gets a new inode. */
function entries(cacheHome: string, root = ROOT): Map<string, number> {
  const dir = entriesDir(cacheHome, root);
  if (!existsSync(dir)) return new Map();
  return new Map(readdirSync(dir).map((name) => [name, statSync(join(dir, name)).ino]));
}

const freshCacheHome = () => mkdtempSync(join(tmpdir(), 'qarnot-test-compile-cache-'));

describe.runIf(ownCache)('compile cache (Node 20)', () => {
  let emu: TestEmulator;

  beforeAll(async () => {
    emu = await startEmulator([], { speed: 1000 });
    // Enough tasks that `list --all` walks 20 pages (and tunes V8 for it, lib/memory.ts).
    for (let batch = 0; batch < 4; batch++) {
      const bodies = Array.from({ length: 250 }, (_, i) => ({ name: `cached-${batch * 250 + i}`, profile: 'docker-batch', instanceCount: 1 }));
      const res = await emu.call('POST', '/tasks', bodies);
      expect(res.status).toBeLessThan(300);
    }
  }, 60_000);

  afterAll(async () => {
    await emu?.stop();
  });

  it('a run caches the chunks it compiled, and the next run uses them as they are', async () => {
    const cacheHome = freshCacheHome();
    const env = { XDG_CACHE_HOME: cacheHome };
    const first = await cliOk(['--help'], { env });
    const written = entries(cacheHome);
    expect([...written.keys()].length).toBeGreaterThan(0);
    for (const name of written.keys()) expect(name).toMatch(/^[a-z-]+-[A-Z0-9]{8}\.cjs\.v8$/);
    expect(statSync(entriesDir(cacheHome)).mode & 0o777).toBe(0o700);

    expect(await cliOk(['--help'], { env })).toBe(first);
    expect(entries(cacheHome)).toEqual(written);
  });

  it('what `list --all` caches (it tunes V8 while it walks) is still accepted by the next run', async () => {
    const cacheHome = freshCacheHome();
    const env = { XDG_CACHE_HOME: cacheHome };
    const list = () => cliOk(['task', 'list', '--all', '-q'], { emulator: emu, env });
    expect((await list()).trim().split('\n')).toHaveLength(1000);
    const written = entries(cacheHome);
    expect((await list()).trim().split('\n')).toHaveLength(1000);
    // V8 refuses code cached under other flags: a refused entry would have been written again.
    expect(entries(cacheHome)).toEqual(written);
  });

  it('a damaged entry is ignored, then replaced', async () => {
    const cacheHome = freshCacheHome();
    const env = { XDG_CACHE_HOME: cacheHome };
    const expected = await cliOk(['task', 'list', '--help'], { env });
    const [name] = [...entries(cacheHome).keys()];
    const file = join(entriesDir(cacheHome), name!);
    writeFileSync(file, 'not a code cache');
    expect(await cliOk(['task', 'list', '--help'], { env })).toBe(expected);
    expect(readFileSync(file, 'utf8')).not.toBe('not a code cache');
  });

  it('entries of chunks that no longer exist are removed when the cache is written', async () => {
    const cacheHome = freshCacheHome();
    mkdirSync(entriesDir(cacheHome), { recursive: true });
    writeFileSync(join(entriesDir(cacheHome), 'chunk-OLDBUILD.cjs.v8'), 'from an older build');
    await cliOk(['--help'], { env: { XDG_CACHE_HOME: cacheHome } });
    expect(entries(cacheHome).has('chunk-OLDBUILD.cjs.v8')).toBe(false);
    expect(entries(cacheHome).size).toBeGreaterThan(0);
  });

  it('two installs used in turn keep their own entries', async () => {
    const cacheHome = freshCacheHome();
    // A second install elsewhere, of another build: the same code under other chunk names.
    const other = mkdtempSync(join(tmpdir(), 'qarnot-test-install-'));
    cpSync(join(ROOT, 'bin'), join(other, 'bin'), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(other, 'node_modules'));
    const renamed = (text: string) => text.replace(/(-[A-Z0-9]{8})\.cjs/g, '$1X.cjs');
    mkdirSync(join(other, 'dist', 'chunks'), { recursive: true });
    writeFileSync(join(other, 'dist', 'cli.cjs'), renamed(readFileSync(join(ROOT, 'dist', 'cli.cjs'), 'utf8')));
    for (const name of readdirSync(join(ROOT, 'dist', 'chunks'))) {
      writeFileSync(join(other, 'dist', 'chunks', renamed(name)), renamed(readFileSync(join(ROOT, 'dist', 'chunks', name), 'utf8')));
    }
    const env = { PATH: process.env.PATH, HOME: cacheHome, QARNOT_CONFIG_DIR: cacheHome, XDG_CACHE_HOME: cacheHome };
    const help = (root: string) => execa('node', [join(root, 'bin', 'qarnot.cjs'), '--help'], { env, extendEnv: false });
    await help(ROOT);
    await help(other);
    const [ours, theirs] = [entries(cacheHome), entries(cacheHome, other)];
    expect(ours.size).toBeGreaterThan(0);
    expect(theirs.size).toBe(ours.size);
    await help(ROOT);
    await help(other);
    expect(entries(cacheHome)).toEqual(ours);
    expect(entries(cacheHome, other)).toEqual(theirs);
  });

  it('is not used in a directory others may write to: its entries are code the CLI runs', async () => {
    const cacheHome = freshCacheHome();
    mkdirSync(entriesDir(cacheHome), { recursive: true });
    chmodSync(entriesDir(cacheHome), 0o777);
    // What someone else could have left there: it must be neither run nor replaced.
    const planted = join(entriesDir(cacheHome), 'planted.v8');
    writeFileSync(planted, 'theirs');
    const expected = await cliOk(['--help'], { env: { XDG_CACHE_HOME: freshCacheHome() } });
    expect(await cliOk(['--help'], { env: { XDG_CACHE_HOME: cacheHome } })).toBe(expected);
    expect([...entries(cacheHome).keys()]).toEqual(['planted.v8']);
  });

  it('NODE_DISABLE_COMPILE_CACHE=1 turns it off, as it does Node 22\'s', async () => {
    const cacheHome = freshCacheHome();
    const result = await cli(['--help'], { env: { XDG_CACHE_HOME: cacheHome, NODE_DISABLE_COMPILE_CACHE: '1' } });
    expect(result.exitCode).toBe(0);
    expect(existsSync(join(cacheHome, 'qarnot'))).toBe(false);
  });
});
