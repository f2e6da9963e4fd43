// `qarnot bucket` against the emulator's storage: sync both ways, ETag comparison, faults.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsOk, SKIP_AWS } from '../helpers/aws.js';
import { cli, cliOk, type CliOptions } from '../helpers/cli.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';
import { objectPath, s3 } from '../helpers/s3.js';
import { startS3Counter, type S3Counter } from '../helpers/s3-counter.js';

const work = mkdtempSync(join(tmpdir(), 'qarnot-test-bucket-'));
let serial = 0;
const dir = (name: string) => {
  const path = join(work, `${name}-${serial++}`);
  mkdirSync(path, { recursive: true });
  return path;
};

/** path → md5 of every file under root. */
function tree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[relative(root, path)] = createHash('md5').update(readFileSync(path)).digest('hex');
  }
  return out;
}

function writeTree(root: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), content);
  }
}

describe('qarnot bucket', () => {
  let emu: TestEmulator;
  let counter: S3Counter;
  /** Through /settings and /info, as a user's CLI resolves the storage. */
  let viaApi: CliOptions;
  /** Straight to the counting proxy: every storage request is counted. */
  let counted: CliOptions;

  beforeAll(async () => {
    emu = await startEmulator();
    counter = await startS3Counter(emu.storageUrl);
    viaApi = { emulator: emu };
    counted = { emulator: emu, env: { QARNOT_STORAGE_URL: counter.url, QARNOT_ACCOUNT_EMAIL: emu.email } };
  });
  afterAll(async () => {
    await counter?.close();
    await emu?.stop();
  });

  it('syncs up and down; an unchanged tree transfers nothing; --delete removes extras only when asked', async () => {
    const src = dir('src');
    writeTree(src, { 'a.txt': 'alpha\n', 'sub dir/é+b.txt': 'beta\n', 'deep/x/y/z.bin': Buffer.alloc(3000, 1) });
    const first = await cli(['bucket', 'sync', src, 'sync-test/run1'], counted);
    expect(first.exitCode, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/Uploaded 3 files/);
    expect(counter.counts().objectPUT).toBe(3);

    counter.reset();
    await emu.resetCounters();
    const again = await cli(['bucket', 'sync', src, 'sync-test/run1'], counted);
    expect(again.stderr).toMatch(/Uploaded 0 files .*; 3 unchanged/);
    expect(counter.counts().objectPUT ?? 0).toBe(0);
    expect(counter.counts().objectGET ?? 0).toBe(0);
    // The emulator's own count agrees: one HEAD of the bucket and one listing, no object moved.
    const byRoute = (await emu.requests()).byRoute;
    expect(Object.keys(byRoute).filter((route) => route.startsWith('S3 ')).sort()).toEqual(['S3 GET /{bucket}?list-type', 'S3 HEAD /{bucket}']);

    // Same size, other content: the MD5 against the ETag finds it.
    writeFileSync(join(src, 'a.txt'), 'ALPHA\n');
    counter.reset();
    await cliOk(['bucket', 'sync', src, 'sync-test/run1'], counted);
    expect(counter.counts().objectPUT).toBe(1);

    const down = dir('down');
    const fetched = await cli(['bucket', 'sync', 'sync-test/run1', down], counted);
    expect(fetched.exitCode, fetched.stderr).toBe(0);
    expect(tree(down)).toEqual(tree(src));
    counter.reset();
    await cliOk(['bucket', 'sync', 'sync-test/run1', down], counted);
    expect(counter.counts().objectGET ?? 0).toBe(0);

    // Extras on each side stay without --delete, go with it.
    writeFileSync(join(down, 'local-only.txt'), 'x');
    await cliOk(['bucket', 'sync', 'sync-test/run1', down], counted);
    expect(existsSync(join(down, 'local-only.txt'))).toBe(true);
    const dry = await cli(['bucket', 'sync', 'sync-test/run1', down, '--delete', '--dry-run'], counted);
    expect(dry.stdout).toContain('(dry run) delete:');
    expect(existsSync(join(down, 'local-only.txt'))).toBe(true);
    await cliOk(['bucket', 'sync', 'sync-test/run1', down, '--delete'], counted);
    expect(existsSync(join(down, 'local-only.txt'))).toBe(false);

    await cliOk(['bucket', 'put', 'sync-test/run1/', join(down, 'a.txt')], viaApi);
    await cliOk(['bucket', 'put', 'sync-test/run1/remote-only.txt', join(down, 'a.txt')], viaApi);
    await cliOk(['bucket', 'sync', src, 'sync-test/run1'], counted);
    expect(await cliOk(['bucket', 'ls', 'sync-test/run1', '-r', '-q'], viaApi)).toContain('run1/remote-only.txt');
    await cliOk(['bucket', 'sync', src, 'sync-test/run1', '--delete'], counted);
    expect((await cliOk(['bucket', 'ls', 'sync-test/run1', '-r', '-q'], viaApi)).split('\n').filter(Boolean).sort()).toEqual(
      ['sync-test/run1/a.txt', 'sync-test/run1/deep/x/y/z.bin', 'sync-test/run1/sub dir/é+b.txt'].map((k) => k.replace('sync-test/', '')).sort(),
    );
  });

  it('remembers the ETags of unchanged files between runs, and still finds a file rewritten with its size and time', async () => {
    const src = dir('remembered');
    writeTree(src, { 'a.txt': 'alpha\n', 'b.txt': 'bravo\n' });
    const anHourAgo = Date.now() / 1000 - 3600;
    for (const name of ['a.txt', 'b.txt']) utimesSync(join(src, name), anHourAgo, anHourAgo);
    const sameUser = { ...counted, configDir: dir('config') };
    await cliOk(['bucket', 'sync', src, 'sync-test/remembered'], sameUser);
    await cliOk(['bucket', 'sync', src, 'sync-test/remembered'], sameUser); // hashes both, and remembers them
    expect(readdirSync(join(sameUser.configDir, 'cache', 'etags'))).toHaveLength(1);

    writeFileSync(join(src, 'a.txt'), 'ALPHA\n');
    utimesSync(join(src, 'a.txt'), anHourAgo, anHourAgo);
    counter.reset();
    const after = await cli(['bucket', 'sync', src, 'sync-test/remembered'], sameUser);
    expect(after.stderr).toMatch(/Uploaded 1 file .*; 1 unchanged/);
    expect(counter.counts().objectPUT).toBe(1);
    const down = dir('remembered-down');
    await cliOk(['bucket', 'sync', 'sync-test/remembered', down], sameUser);
    expect(tree(down)).toEqual(tree(src));
  });

  it('sends big files in 8 MiB parts and compares their multipart ETags', async () => {
    const src = dir('big');
    const data = bigFile(src);
    await cliOk(['bucket', 'sync', src, 'multipart'], counted);
    const listed = JSON.parse(await cliOk(['bucket', 'ls', 'multipart', '--json'], viaApi)) as { key: string; etag: string }[];
    expect(listed[0]!.etag).toMatch(/^[0-9a-f]{32}-2$/);
    counter.reset();
    await cliOk(['bucket', 'sync', src, 'multipart'], counted);
    expect(counter.counts().objectPUT ?? 0).toBe(0);

    // One byte changed in the second part, same size: sent again.
    data[9 * 1024 * 1024] = 255;
    writeFileSync(join(src, 'big.bin'), data);
    counter.reset();
    await cliOk(['bucket', 'sync', src, 'multipart'], counted);
    expect(counter.counts().objectPUT).toBe(2);
  });

  it.skipIf(SKIP_AWS)('recognises an object the AWS CLI uploaded in its own 8 MiB parts as the same file', async () => {
    const src = dir('big-aws');
    bigFile(src);
    await cliOk(['bucket', 'create', 'multipart'], viaApi);
    // Its parts, its multipart ETag: nothing moves.
    const creds = { endpoint: emu.storageUrl, accessKey: emu.email, secretKey: emu.token };
    await awsOk(creds, ['s3', 'cp', join(src, 'big.bin'), 's3://multipart/aws/big.bin']);
    const down = dir('big-down');
    await cliOk(['bucket', 'get', 'multipart/aws/big.bin', join(down, 'big.bin')], viaApi);
    expect(tree(down)).toEqual(tree(src));
    counter.reset();
    await cliOk(['bucket', 'sync', 'multipart/aws', down], counted);
    expect(counter.counts().objectGET ?? 0).toBe(0);
  });

  it('lists, creates, puts from stdin, cats, gets, removes and deletes', async () => {
    expect((await cliOk(['bucket', 'create', 'verbs-1'], viaApi)).trim()).toBe('verbs-1');
    expect((await cli(['bucket', 'create', 'verbs-1'], viaApi)).exitCode).toBe(0);
    await cliOk(['bucket', 'put', 'verbs-1/in/stdin.txt', '-'], { ...viaApi, input: 'from stdin\n' });
    // (execa strips the last newline of stdout)
    expect(await cliOk(['bucket', 'cat', 'verbs-1/in/stdin.txt'], viaApi)).toBe('from stdin');
    expect((await cliOk(['bucket', 'list', '-q'], viaApi)).split('\n')).toContain('verbs-1');
    const stats = JSON.parse(await cliOk(['bucket', 'list', '--stats', '--json'], viaApi)) as { name: string; objects: number; size: number }[];
    expect(stats.find((b) => b.name === 'verbs-1')).toMatchObject({ objects: 1, size: 11 });
    // Folders from the delimiter, every key with -r; TSV when piped.
    expect(await cliOk(['bucket', 'ls', 'verbs-1'], viaApi)).toBe('\t\tin/');
    expect(await cliOk(['bucket', 'ls', 'verbs-1', '-r', '-q'], viaApi)).toBe('in/stdin.txt');
    const out = dir('get');
    await cliOk(['bucket', 'get', 'verbs-1/in/stdin.txt', out], viaApi);
    expect(readFileSync(join(out, 'stdin.txt'), 'utf8')).toBe('from stdin\n');
    await cliOk(['bucket', 'get', 'verbs-1', out], viaApi);
    expect(readFileSync(join(out, 'in', 'stdin.txt'), 'utf8')).toBe('from stdin\n');

    const refused = await cli(['bucket', 'delete', 'verbs-1', '--yes'], viaApi);
    expect([refused.exitCode, refused.stderr]).toEqual([1, expect.stringContaining('--force')]);
    expect((await cli(['bucket', 'rm', 'verbs-1/in/stdin.txt'], viaApi)).stderr).toMatch(/--yes/);
    await cliOk(['bucket', 'rm', 'verbs-1/in/stdin.txt', '--yes'], viaApi);
    await cliOk(['bucket', 'delete', 'verbs-1', '--yes'], viaApi);
    expect((await cliOk(['bucket', 'list', '-q'], viaApi)).split('\n')).not.toContain('verbs-1');

    // --force empties it first (rm -r deletes in batches: 1,001 keys take two).
    await cliOk(['bucket', 'put', 'verbs-2/a', '-'], { ...viaApi, input: 'a' });
    await cliOk(['bucket', 'delete', 'verbs-2', '--force', '--yes'], viaApi);
    expect((await cli(['bucket', 'ls', 'verbs-2'], viaApi)).exitCode).toBe(3);
  });

  it('deletes prefixes in batches of 1,000', async () => {
    const src = dir('many');
    writeTree(src, Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`f${i}`, ''])));
    await cliOk(['bucket', 'sync', src, 'many/p', '--concurrency', '32'], viaApi);
    counter.reset();
    const removed = await cli(['bucket', 'rm', 'many/p', '-r', '--yes'], counted);
    expect(removed.stderr).toContain('Deleted 1001 objects');
    expect(counter.counts().bucketPOST).toBe(2);
  });

  it('never writes outside the destination for a key like ../x', async () => {
    const creds = { endpoint: emu.storageUrl, accessKey: emu.email, secretKey: emu.token };
    await cliOk(['bucket', 'create', 'escape'], viaApi);
    expect((await s3(creds, 'PUT', objectPath('escape', 'p/../../evil.txt'), 'evil')).status).toBe(200);
    expect((await s3(creds, 'PUT', objectPath('escape', 'p/fine.txt'), 'fine')).status).toBe(200);
    const root = dir('escape');
    const dest = join(root, 'inner');
    const result = await cli(['bucket', 'sync', 'escape/p', dest], viaApi);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('would write outside');
    expect(readFileSync(join(dest, 'fine.txt'), 'utf8')).toBe('fine');
    expect(existsSync(join(root, 'evil.txt'))).toBe(false);
    expect(existsSync(join(work, 'evil.txt'))).toBe(false);
  });

  it('completes bucket names, then folders and keys under what is typed', async () => {
    await cliOk(['bucket', 'put', 'complete-me/dir/a.txt', '-'], { ...viaApi, input: 'a' });
    await cliOk(['bucket', 'put', 'complete-me/top.txt', '-'], { ...viaApi, input: 'b' });
    const env = { ...viaApi, env: { QARNOT_COMPLETION_BUDGET_MS: '5000' } };
    const names = (await cliOk(['__complete', '--', 'bucket', 'delete', 'complete'], env)).split('\n');
    expect(names).toEqual(['complete-me', ':4']);
    const locations = (await cliOk(['__complete', '--', 'bucket', 'ls', 'complete-me/'], env)).split('\n');
    expect(locations).toEqual(['complete-me/dir/', 'complete-me/top.txt', ':2']);
    const deeper = (await cliOk(['__complete', '--', 'bucket', 'cat', 'complete-me/dir/a'], env)).split('\n');
    expect(deeper).toEqual(['complete-me/dir/a.txt', ':2']);
    // A local path: left to the shell's file completion.
    expect(await cliOk(['__complete', '--', 'bucket', 'sync', './'], env)).toBe(':2');
  });

  it('refuses bad input with exit 2 and sends nothing', async () => {
    // Nothing listens on port 9: anything sent would fail with exit 1, not 2.
    const dead = { env: { QARNOT_CLUSTER_URL: 'http://127.0.0.1:9', QARNOT_CLIENT_TOKEN: 'tok-unused', QARNOT_STORAGE_URL: 'http://127.0.0.1:9', QARNOT_ACCOUNT_EMAIL: 'a@b.c' } };
    const file = join(dir('bad'), 'f.txt');
    writeFileSync(file, 'x');
    const cases: [string[], RegExp][] = [
      [['bucket', 'create', 'Bad_Name'], /NAME: bucket name "Bad_Name"/],
      [['bucket', 'ls', 'ab'], /3 to 63 characters/],
      [['bucket', 'put', 'good-name', join(work, 'missing')], /PATH: ".*missing" does not exist/],
      [['bucket', 'sync', './a', '/tmp'], /both local paths/],
      [['bucket', 'sync', 'bucket-a', 's3://bucket-b'], /both buckets/],
      [['bucket', 'sync', join(work, 'missing'), 'good-name'], /SRC: ".*missing" does not exist/],
      [['bucket', 'get', 'good-name/prefix/', file], /LOCAL: ".*f.txt" is a file/],
      [['bucket', 'rm', 'good-name'], /add -r/],
      [['bucket', 'put', 'good-name', '--delete', file], /unknown option '--delete'/],
      [['bucket', 'sync', file, 'good-name'], /sync takes a directory/],
      [['bucket', 'get', 'good-name/key', ''], /LOCAL: empty/],
      [['bucket', 'put', 'good-name/zero', '/dev/zero'], /PATH: "\/dev\/zero" is not a file or a directory; pipe a stream in with "-" instead/],
      [['bucket', 'sync', 'good-name', join(file, 'sub')], /DST: ".*f.txt" is a file, where ".*sub" needs a directory/],
      [['bucket', 'get', 'good-name/key', join(file, 'sub')], /LOCAL: ".*f.txt" is a file, where ".*sub" needs a directory/],
      [['--fields', 'bogus', 'bucket', 'ls', 'good-name'], /--fields: unknown field "bogus".*\(key, type, size, modified, etag\)/],
      [['--fields', 'name,objectz', 'bucket', 'list', '--stats'], /--fields: unknown field "objectz" \(did you mean "objects"\?\)/],
    ];
    for (const [args, message] of cases) {
      const result = await cli(args, dead);
      expect([result.exitCode, result.stderr], args.join(' ')).toEqual([2, expect.stringMatching(message)]);
    }
  });

  it('maps storage failures to exit codes: 3 for a missing bucket or key, 4 with a hint for wrong credentials', async () => {
    const missing = await cli(['bucket', 'ls', 'no-such-bucket'], viaApi);
    expect([missing.exitCode, missing.stderr]).toEqual([3, expect.stringContaining('bucket "no-such-bucket" does not exist')]);
    await cliOk(['bucket', 'create', 'codes'], viaApi);
    const noKey = await cli(['bucket', 'cat', 'codes/nope.txt'], viaApi);
    expect(noKey.exitCode).toBe(3);
    const wrong = await cli(['--verbose', 'bucket', 'ls', 'codes'], { emulator: emu, env: { QARNOT_ACCOUNT_EMAIL: 'someone-else@example.com' } });
    expect(wrong.exitCode).toBe(4);
    expect(wrong.stderr).toContain('someone-else@example.com');
    expect(wrong.stderr).not.toMatch(/Signature=[0-9a-f]{64}/);
  });
});

describe('qarnot bucket without storage', () => {
  it('says so in one line, exit 1, when GET /settings gives no storage URL', async () => {
    // An API that has no storage (the SDKs' `{"storage": null}`).
    const api = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(req.url === '/settings' ? { storage: null } : { email: 'me@example.com' }));
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
      const result = await cli(['bucket', 'list'], { env: { QARNOT_CLUSTER_URL: url, QARNOT_CLIENT_TOKEN: 'token-1234' } });
      expect([result.exitCode, result.stderr.trim().split('\n').length]).toEqual([1, 1]);
      expect(result.stderr).toContain('storage is not available');
    } finally {
      api.close();
    }
  });
});

describe('qarnot bucket under storage faults and quota', () => {
  it('completes a sync through 503s and resets with identical files', async () => {
    const emu = await startEmulator(['--faults', '503:0.15,reset:0.05,reset-after:0.05,seed:7']);
    try {
      const options = { emulator: emu, env: { QARNOT_STORAGE_URL: emu.storageUrl, QARNOT_ACCOUNT_EMAIL: emu.email } };
      const src = dir('faults');
      const big = Buffer.alloc(9 * 1024 * 1024, 3);
      big.write('the middle', 4 * 1024 * 1024);
      writeTree(src, { ...Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`f/${i}.txt`, `file ${i}\n`.repeat(i + 1)])), 'big.bin': big });
      await cliOk(['bucket', 'sync', src, 'faulty'], options);
      const down = dir('faults-down');
      await cliOk(['bucket', 'sync', 'faulty', down], options);
      expect(tree(down)).toEqual(tree(src));
    } finally {
      await emu.stop();
    }
  });

  it('names the quota when the storage is full (exit 1)', async () => {
    const emu = await startEmulator(['--storage-quota', '1KB']);
    try {
      const src = dir('quota');
      writeTree(src, { 'big.txt': Buffer.alloc(4096, 1) });
      const result = await cli(['bucket', 'sync', src, 'full'], { emulator: emu });
      expect([result.exitCode, result.stderr]).toEqual([1, expect.stringContaining('quota')]);
    } finally {
      await emu.stop();
    }
  });
});

/** A file of 9 MiB and a bit in DIR/big.bin: two 8 MiB parts. */
function bigFile(directory: string): Buffer {
  const data = Buffer.alloc(9 * 1024 * 1024 + 123);
  for (let i = 0; i < data.length; i += 4096) data[i] = (i / 4096) % 251;
  writeFileSync(join(directory, 'big.bin'), data);
  return data;
}
