import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EtagCache } from '../../src/storage/etag-cache.js';
import { walkFiles } from '../../src/storage/local.js';

const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const AN_HOUR_AGO = Date.now() / 1000 - 3600;

describe('EtagCache', () => {
  let work: string;
  let tree: string;
  let cacheDir: string;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'qarnot-etag-cache-'));
    tree = join(work, 'tree');
    cacheDir = join(work, 'cache');
    mkdirSync(tree);
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  async function treeOf(files: Record<string, string>, mtime = AN_HOUR_AGO) {
    for (const [name, text] of Object.entries(files)) {
      writeFileSync(join(tree, name), text);
      utimesSync(join(tree, name), mtime, mtime);
    }
    return walkFiles(tree);
  }

  it('remembers a file hashed before, and answers without reading it while it is unchanged', async () => {
    const [file] = await treeOf({ 'a.txt': 'alpha' });
    const first = new EtagCache(cacheDir, tree);
    expect(await first.etagLike(file!, md5('x'))).toBe(md5('alpha'));
    first.save([file!]);
    // The next run: the path leads nowhere, so only the memory can answer.
    const next = new EtagCache(cacheDir, tree);
    expect(await next.etagLike({ ...file!, path: join(work, 'missing') }, md5('x'))).toBe(md5('alpha'));
    // Another form (a multipart ETag) is computed, not taken from the plain MD5.
    await expect(next.etagLike({ ...file!, path: join(work, 'missing') }, `${md5('x')}-1`)).rejects.toThrow(/ENOENT/);
  });

  it('reads a file again when its content changed, even with the same size and modification time', async () => {
    const [before] = await treeOf({ 'a.txt': 'alpha' });
    const first = new EtagCache(cacheDir, tree);
    await first.etagLike(before!, md5('x'));
    first.save([before!]);
    // Same size, same mtime set back: the change time (and so the stamp) still moves.
    const [after] = await treeOf({ 'a.txt': 'ALPHA' });
    expect(statSync(join(tree, 'a.txt')).mtimeMs).toBe(before!.mtimeMs);
    expect(after!.stamp).not.toBe(before!.stamp);
    expect(await new EtagCache(cacheDir, tree).etagLike(after!, md5('x'))).toBe(md5('ALPHA'));
  });

  it('never remembers a file modified just before it was read, and forgets files gone from the tree', async () => {
    const [racy] = await treeOf({ 'a.txt': 'alpha' }, Date.now() / 1000);
    const cache = new EtagCache(cacheDir, tree);
    await cache.etagLike(racy!, md5('x'));
    cache.save([racy!]);
    await expect(new EtagCache(cacheDir, tree).etagLike({ ...racy!, path: join(work, 'missing') }, md5('x'))).rejects.toThrow(/ENOENT/);

    const [old] = await treeOf({ 'b.txt': 'bravo' }).then((files) => files.filter((f) => f.rel === 'b.txt'));
    const again = new EtagCache(cacheDir, tree);
    await again.etagLike(old!, md5('x'));
    again.save([]);
    await expect(new EtagCache(cacheDir, tree).etagLike({ ...old!, path: join(work, 'missing') }, md5('x'))).rejects.toThrow(/ENOENT/);
  });

  it('keeps one private file per tree, and a damaged one only costs a read', async () => {
    const [file] = await treeOf({ 'a.txt': 'alpha' });
    const cache = new EtagCache(cacheDir, tree);
    await cache.etagLike(file!, md5('x'));
    cache.save([file!]);
    const [name] = readdirSync(cacheDir);
    expect(statSync(join(cacheDir, name!)).mode & 0o777).toBe(0o600);
    writeFileSync(join(cacheDir, name!), '{"version":1,"entries":{"a.txt":"garbage"}}');
    expect(await new EtagCache(cacheDir, tree).etagLike(file!, md5('x'))).toBe(md5('alpha'));
    expect(await new EtagCache(undefined, tree).etagLike(file!, md5('x'))).toBe(md5('alpha'));
  });
});
