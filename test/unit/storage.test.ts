import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guessPartSize, localEtagLike, multipartCount, multipartEtag, PART_SIZE, partMd5s, partSizeFor } from '../../src/storage/etag.js';
import { errorCode, storageError } from '../../src/storage/errors.js';
import { filterRules, pathFilter } from '../../src/storage/filters.js';
import { safeLocalPath } from '../../src/storage/local.js';
import { bucketNameProblem, folderPrefix, joinKey, parseRemote, parseSide } from '../../src/storage/location.js';
import { planSync, remoteFiles } from '../../src/storage/plan.js';
import { summaryLine } from '../../src/storage/sync.js';
import { parseXml } from '../../src/storage/xml.js';
import { writeXml } from '../../src/lib/xml.js';

const md5 = (data: Buffer | string) => createHash('md5').update(data).digest();

describe('multipart ETags', () => {
  it('is md5 of the concatenated part MD5s, dash, the part count', () => {
    const parts = [Buffer.from('a'), Buffer.from('b')];
    expect(multipartEtag(parts.map(md5))).toBe(`${createHash('md5').update(Buffer.concat(parts.map(md5))).digest('hex')}-2`);
    expect(multipartCount(`${'0'.repeat(32)}-12`)).toBe(12);
    expect(multipartCount('0'.repeat(32))).toBeUndefined();
  });

  it('finds the part size from the count: ours first, else whole MiB', () => {
    const MiB = 1024 * 1024;
    expect(guessPartSize(20 * MiB, 3)).toBe(PART_SIZE);
    expect(guessPartSize(20 * MiB, 4)).toBe(5 * MiB); // the smallest whole MiB giving 4 parts
    expect(guessPartSize(20 * MiB, 1)).toBe(20 * MiB);
    expect(guessPartSize(10, 5)).toBeUndefined();
    expect(partSizeFor(200 * 1024 * MiB)).toBe(21 * MiB); // 10,000 parts at most
  });

  it('hashes a file part by part, and as the remote ETag has it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qarnot-etag-'));
    const file = join(dir, 'f');
    const data = Buffer.alloc(2 * 1024 * 1024 + 5, 7);
    writeFileSync(file, data);
    const parts = await partMd5s(file, 1024 * 1024);
    expect(parts.map((p) => p.toString('hex'))).toEqual([0, 1, 2].map((i) => md5(data.subarray(i * 1024 * 1024, (i + 1) * 1024 * 1024)).toString('hex')));
    expect(await localEtagLike(file, data.length, md5(data).toString('hex'))).toBe(md5(data).toString('hex'));
    expect(await localEtagLike(file, data.length, `${'f'.repeat(32)}-3`)).toBe(multipartEtag(parts));
    writeFileSync(file, '');
    expect((await partMd5s(file, PART_SIZE)).map((p) => p.toString('hex'))).toEqual([md5('').toString('hex')]);
  });
});

describe('sync planning', () => {
  it('sends what is missing or of another size, compares equal sizes, lists extras', () => {
    const plan = planSync(
      [{ rel: 'a', size: 1 }, { rel: 'b', size: 2 }, { rel: 'c', size: 3 }],
      [{ rel: 'b', size: 5 }, { rel: 'c', size: 3 }, { rel: 'd', size: 4 }],
    );
    expect(plan.transfer.map((f) => f.rel)).toEqual(['a', 'b']);
    expect(plan.compare.map(([s]) => s.rel)).toEqual(['c']);
    expect(plan.extra.map((f) => f.rel)).toEqual(['d']);
  });

  it('takes keys under the prefix relative to it, without folder markers', () => {
    const o = (key: string) => ({ key, size: 1, etag: '', modified: '' });
    expect(remoteFiles([o('p/a'), o('p/'), o('p/d/'), o('p/d/b'), o('pq/x')], 'p/').map((f) => f.rel)).toEqual(['a', 'd/b']);
  });
});

describe('locations', () => {
  it('applies S3 bucket naming rules', () => {
    for (const good of ['abc', 'my-bucket.v2', 'a'.repeat(63)]) expect(bucketNameProblem(good)).toBeUndefined();
    for (const bad of ['ab', 'a'.repeat(64), 'My-Bucket', 'a_b', '-ab', 'ab-', 'a..b', '192.168.1.1', 'xn--ab', 'a.-b']) expect(bucketNameProblem(bad)).toBeDefined();
  });

  it('parses NAME[/PREFIX] and s3:// and refuses bad names with exit 2', () => {
    expect(parseRemote('b-1/x/y')).toEqual({ bucket: 'b-1', path: 'x/y' });
    expect(parseRemote('s3://b-1')).toEqual({ bucket: 'b-1', path: '' });
    expect(() => parseRemote('Bad_Name/x', 'NAME')).toThrow(/NAME: bucket name "Bad_Name"/);
  });

  it('tells local from remote by shape', () => {
    expect(parseSide('./dir', 'SOURCE')).toEqual({ local: './dir' });
    expect(parseSide('/abs', 'SOURCE')).toEqual({ local: '/abs' });
    expect(parseSide('my-bucket/p', 'SOURCE')).toEqual({ remote: { bucket: 'my-bucket', path: 'p' } });
    expect(() => parseSide('test', 'SOURCE')).toThrow(/could be the local path or a bucket/); // ./test exists in the repo
  });

  it('joins keys with one slash', () => {
    expect(joinKey('', 'a')).toBe('a');
    expect(joinKey('p', 'a')).toBe('p/a');
    expect(joinKey('p/', 'a')).toBe('p/a');
    expect(folderPrefix('p')).toBe('p/');
    expect(folderPrefix('')).toBe('');
  });

  it('never maps a key outside the local root', () => {
    const root = resolve('/tmp/root');
    expect(safeLocalPath(root, 'a/b.txt')).toBe(join(root, 'a', 'b.txt'));
    for (const bad of ['../x', 'a/../../x', '/etc/passwd', 'a//b', './a', 'a/.', '', 'a\0b']) expect(safeLocalPath(root, bad)).toBeUndefined();
  });
});

describe('filters', () => {
  it('applies --exclude/--include in order, the last match winning', () => {
    const rules = filterRules(['sync', '.', 'b', '--exclude', '*.tmp', '--include=keep.tmp', '--exclude', 'logs/**']);
    expect(rules).toEqual([
      { include: false, pattern: '*.tmp' },
      { include: true, pattern: 'keep.tmp' },
      { include: false, pattern: 'logs/**' },
    ]);
    const keep = pathFilter(rules);
    expect(['a.txt', 'd/keep.tmp', 'logsx/a'].every(keep)).toBe(true);
    expect(['a.tmp', 'd/e/f.tmp', 'logs/a', 'logs/d/keep.tmp'].some(keep)).toBe(false);
    expect(pathFilter([])('.hidden/x')).toBe(true);
  });
});

describe('S3 errors', () => {
  const where = { method: 'GET', bucket: 'b', key: 'k', accessKey: 'me@example.com' };
  const xml = (code: string) => `<?xml version="1.0"?><Error><Code>${code}</Code><Message>m</Message></Error>`;

  it('maps codes to exit statuses and one clear line', () => {
    expect(errorCode(404, xml('NoSuchKey')).code).toBe('NoSuchKey');
    expect(errorCode(404, '').code).toBe('NotFound');
    expect(storageError(404, xml('NoSuchBucket'), where).exitCode).toBe(3);
    expect(storageError(404, xml('NoSuchKey'), where).exitCode).toBe(3);
    expect(storageError(404, '', where).message).toBe('no object "b/k"');
    const auth = storageError(403, xml('SignatureDoesNotMatch'), where);
    expect(auth.exitCode).toBe(4);
    expect(auth.message).toContain('me@example.com');
    const quota = storageError(403, xml('QuotaExceeded'), where);
    expect([quota.exitCode, quota.message]).toEqual([1, expect.stringContaining('quota')]);
  });
});

describe('XML', () => {
  it('keeps values as strings and lists as arrays', () => {
    const parsed = parseXml('<ListBucketResult><Contents><Key>007</Key><Size>3</Size></Contents></ListBucketResult>');
    expect(parsed.ListBucketResult).toEqual({ Contents: [{ Key: '007', Size: '3' }] });
    expect(writeXml('Delete', { Object: [{ Key: 'a&<b' }] })).toContain('<Key>a&amp;&lt;b</Key>');
  });

  it('keeps spaces, repeats and empty elements as written, and drops attributes', () => {
    const parsed = parseXml('<?xml version="1.0"?><ListBucketResult xmlns="x"><Prefix></Prefix><Contents><Key> a </Key></Contents><Contents><Key>b</Key></Contents><CommonPrefixes><Prefix>p/</Prefix></CommonPrefixes></ListBucketResult>');
    expect(parsed.ListBucketResult).toEqual({ Prefix: '', Contents: [{ Key: ' a ' }, { Key: 'b' }], CommonPrefixes: [{ Prefix: 'p/' }] });
    // An <Error> document's root is one element, not a list, though DeleteResult.Error is.
    expect(parseXml('<Error><Code>NoSuchKey</Code></Error>').Error).toEqual({ Code: 'NoSuchKey' });
  });

  it('says in one line that an answer is not XML', () => {
    expect(() => parseXml('<html><body>Bad gateway')).toThrow(/^bad answer from the storage: not well-formed XML/);
  });

  it('writes a namespace, undefined left out, and what it writes reads back', () => {
    const text = writeXml('ListBucketResult', { Name: 'b', Marker: undefined, IsTruncated: false, Contents: [{ Key: '"q" & \'a\'', Size: 3 }] }, { xmlns: 'http://s3' });
    expect(text).toBe('<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3"><Name>b</Name><IsTruncated>false</IsTruncated><Contents><Key>&quot;q&quot; &amp; &apos;a&apos;</Key><Size>3</Size></Contents></ListBucketResult>');
    expect(parseXml(text).ListBucketResult).toEqual({ Name: 'b', IsTruncated: 'false', Contents: [{ Key: '"q" & \'a\'', Size: '3' }] });
  });
});

describe('summary line', () => {
  it('says what moved, what was the same and what was deleted', () => {
    expect(summaryLine('Uploaded', { transferred: 2, bytes: 2048, unchanged: 3, deleted: 1, failed: 0, ms: 1000 })).toBe('Uploaded 2 files (2.0 KB) in 1.0 s, 2.0 KB/s; 3 unchanged; 1 deleted');
    expect(summaryLine('upload', { transferred: 1, bytes: 5, unchanged: 0, deleted: 2, failed: 0, ms: 0 }, true)).toBe('Dry run: would upload 1 file (5 B); 2 to delete');
  });
});

describe('bucket completion', () => {
  it('lists bucket names, then the folder typed so far; leaves local paths to the shell', async () => {
    const { bucketFolder } = await import('../../src/completion/dynamic.js');
    expect(bucketFolder('')).toBe('');
    expect(bucketFolder('my-b')).toBe('');
    expect(bucketFolder('my-b/')).toBe('my-b/');
    expect(bucketFolder('my-b/dir/fi')).toBe('my-b/dir/');
    expect(bucketFolder('./local')).toBeNull();
    expect(bucketFolder('/abs')).toBeNull();
  });
});
