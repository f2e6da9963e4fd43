// The emulator's S3-compatible storage, driven by a client nobody here wrote: the AWS CLI.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aws, awsOk, SKIP_AWS, type AwsCredentials } from '../helpers/aws.js';
import { cliOk } from '../helpers/cli.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';
import { objectPath, s3 } from '../helpers/s3.js';

const BOB = { email: 'bob@example.com', token: 'bob-secret-token' };

describe.skipIf(SKIP_AWS)('emulator storage through the AWS CLI', () => {
  let emu: TestEmulator;
  let dataDir: string;
  let alice: AwsCredentials;
  let bob: AwsCredentials;
  const work = mkdtempSync(join(tmpdir(), 'qarnot-test-s3-'));

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'qarnot-test-s3-data-'));
    emu = await startEmulator(['--data', dataDir, '--account', `${BOB.email}:${BOB.token}`]);
    alice = { endpoint: emu.storageUrl, accessKey: emu.email, secretKey: emu.token };
    bob = { endpoint: emu.storageUrl, accessKey: BOB.email, secretKey: BOB.token };
  });
  afterAll(async () => {
    await emu?.stop();
  });

  it('is announced by GET /settings', async () => {
    expect(emu.storageUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const settings = await emu.call<{ storage: string }>('GET', '/settings');
    expect(settings.body.storage).toBe(emu.storageUrl);
  });

  it('mb, cp --recursive, ls, sync and rm work with arbitrary UTF-8 keys', async () => {
    const src = join(work, 'src');
    mkdirSync(join(src, 'sub dir'), { recursive: true });
    writeFileSync(join(src, 'a.txt'), 'alpha\n');
    writeFileSync(join(src, 'sub dir', 'é ü+&%.txt'), 'unicode\n');
    await awsOk(alice, ['s3', 'mb', 's3://files']);
    // CreateBucket is idempotent for its owner.
    expect((await s3(alice, 'PUT', '/files')).status).toBe(200);
    await awsOk(alice, ['s3', 'cp', '--recursive', src, 's3://files/in/']);
    const listing = await awsOk(alice, ['s3', 'ls', '--recursive', 's3://files']);
    expect(listing).toContain('in/a.txt');
    expect(listing).toContain('in/sub dir/é ü+&%.txt');

    writeFileSync(join(src, 'b.txt'), 'beta\n');
    const synced = await awsOk(alice, ['s3', 'sync', src, 's3://files/in/']);
    expect(synced).toContain('in/b.txt');
    expect(synced).not.toContain('in/a.txt'); // unchanged: sync compared size and date

    const back = join(work, 'back');
    const [, rb] = await Promise.all([awsOk(alice, ['s3', 'sync', 's3://files/in/', back]), aws(alice, ['s3', 'rb', 's3://files'])]);
    expect(readFileSync(join(back, 'sub dir', 'é ü+&%.txt'), 'utf8')).toBe('unicode\n');
    expect(rb.stderr).toContain('BucketNotEmpty');
    await awsOk(alice, ['s3', 'rm', '--recursive', 's3://files/in/sub dir/']);
    expect((await s3(alice, 'GET', '/files?list-type=2')).text).not.toContain('sub dir');
  });

  it('keys cannot escape the storage directory', async () => {
    await awsOk(alice, ['s3api', 'put-object', '--bucket', 'files', '--key', '../../escape.txt', '--body', join(work, 'src', 'a.txt')]);
    for (const key of ['/leading/slash', 'a/../../b', '..']) expect((await s3(alice, 'PUT', objectPath('files', key), 'x')).status).toBe(200);
    const listed = await awsOk<{ Contents: { Key: string }[] }>(alice, ['s3api', 'list-objects-v2', '--bucket', 'files']);
    expect(listed.Contents.map((c) => c.Key)).toEqual(expect.arrayContaining(['../../escape.txt', '/leading/slash', 'a/../../b', '..']));
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [relative(dataDir, join(dir, f))]));
    const files = walk(dataDir);
    expect(files.some((f) => f.startsWith('..'))).toBe(false);
    // Every stored file is named from a hash, never from a key.
    for (const f of files.filter((x) => x.startsWith('storage/buckets/'))) expect(f).toMatch(/^storage\/buckets\/[0-9a-f]{64}\/([0-9a-f]{64}(\.[0-9a-f]{32}|\.json)|bucket\.json)$/);
  });

  it('lists with prefix, delimiter and continuation (v1 and v2), and gets ranges, metadata and copies', async () => {
    for (const key of ['p/1', 'p/2', 'p/3', 'p/q/4', 'p/q/5', 'p/r/6']) expect((await s3(alice, 'PUT', objectPath('files', key), 'x')).status).toBe(200);
    type Listing = { Contents: { Key: string }[]; CommonPrefixes: { Prefix: string }[] };
    const part = join(work, 'range');
    // Independent AWS CLI runs go side by side: each is a Python start-up.
    const [v1, v2, got, bad, head] = await Promise.all([
      // --page-size 2: the AWS CLI walks the pages with Marker (v1) and ContinuationToken (v2).
      awsOk<Listing>(alice, ['s3api', 'list-objects', '--bucket', 'files', '--prefix', 'p/', '--delimiter', '/', '--page-size', '2']),
      awsOk<Listing>(alice, ['s3api', 'list-objects-v2', '--bucket', 'files', '--prefix', 'p/', '--delimiter', '/', '--page-size', '2']),
      awsOk<{ ContentRange: string }>(alice, ['s3api', 'get-object', '--bucket', 'files', '--key', 'in/a.txt', '--range', 'bytes=1-3', part]),
      aws(alice, ['s3api', 'put-object', '--bucket', 'files', '--key', 'x', '--body', join(work, 'src', 'a.txt'), '--content-md5', createHash('md5').update('other').digest('base64')]),
      (async () => {
        await awsOk(alice, ['s3', 'cp', join(work, 'src', 'a.txt'), 's3://files/meta.txt', '--metadata', 'color=blue', '--content-type', 'text/x-test']);
        await awsOk(alice, ['s3', 'cp', 's3://files/meta.txt', 's3://files/copy.txt']);
        return awsOk<{ ContentType: string; Metadata: Record<string, string>; ETag: string; ContentLength: number }>(alice, ['s3api', 'head-object', '--bucket', 'files', '--key', 'copy.txt']);
      })(),
    ]);
    for (const all of [v1, v2]) {
      expect(all.Contents.map((c) => c.Key)).toEqual(['p/1', 'p/2', 'p/3']);
      expect(all.CommonPrefixes.map((c) => c.Prefix)).toEqual(['p/q/', 'p/r/']);
    }
    expect(got.ContentRange).toBe('bytes 1-3/6');
    expect(readFileSync(part, 'utf8')).toBe('lph');
    expect(bad.stderr).toContain('BadDigest');
    expect(head).toMatchObject({ ContentType: 'text/x-test', Metadata: { color: 'blue' }, ContentLength: 6 });
    expect(head.ETag).toBe(`"${createHash('md5').update('alpha\n').digest('hex')}"`);

    const batch = { Objects: ['p/1', 'p/2', 'missing'].map((Key) => ({ Key })) };
    const deleted = await awsOk<{ Deleted: { Key: string }[] }>(alice, ['s3api', 'delete-objects', '--bucket', 'files', '--delete', JSON.stringify(batch)]);
    expect(deleted.Deleted.map((d) => d.Key).sort()).toEqual(['missing', 'p/1', 'p/2']);
    expect((await s3(alice, 'GET', '/files?prefix=p/&delimiter=/')).text).not.toMatch(/<Key>p\/[12]</);
  });

  it('multipart uploads: ListParts, Complete with md5-of-md5s ETag, Abort', async () => {
    const five = Buffer.alloc(5 * 1024 * 1024, 7);
    writeFileSync(join(work, 'part1'), five);
    writeFileSync(join(work, 'part2'), 'tail');
    const { UploadId } = await awsOk<{ UploadId: string }>(alice, ['s3api', 'create-multipart-upload', '--bucket', 'files', '--key', 'multi.bin']);
    const etags = (
      await Promise.all(
        [1, 2].map((n) => awsOk<{ ETag: string }>(alice, ['s3api', 'upload-part', '--bucket', 'files', '--key', 'multi.bin', '--upload-id', UploadId, '--part-number', String(n), '--body', join(work, `part${n}`)])),
      )
    ).map((r) => r.ETag);
    const parts = await awsOk<{ Parts: { PartNumber: number; Size: number }[] }>(alice, ['s3api', 'list-parts', '--bucket', 'files', '--key', 'multi.bin', '--upload-id', UploadId]);
    expect(parts.Parts.map((p) => [p.PartNumber, p.Size])).toEqual([[1, five.length], [2, 4]]);
    const done = await awsOk<{ ETag: string }>(alice, ['s3api', 'complete-multipart-upload', '--bucket', 'files', '--key', 'multi.bin', '--upload-id', UploadId, '--multipart-upload', JSON.stringify({ Parts: etags.map((ETag, i) => ({ ETag, PartNumber: i + 1 })) })]);
    const md5 = (b: Buffer | string) => createHash('md5').update(b).digest();
    expect(done.ETag).toBe(`"${createHash('md5').update(Buffer.concat([md5(five), md5('tail')])).digest('hex')}-2"`);
    expect((await s3(alice, 'HEAD', '/files/multi.bin')).headers['content-length']).toBe(String(five.length + 4));

    const second = /<UploadId>(\w+)</.exec((await s3(alice, 'POST', '/files/aborted.bin?uploads')).text)![1]!;
    await awsOk(alice, ['s3api', 'abort-multipart-upload', '--bucket', 'files', '--key', 'aborted.bin', '--upload-id', second]);
    const gone = await s3(alice, 'GET', `/files/aborted.bin?uploadId=${second}`);
    expect(gone.text).toContain('<Code>NoSuchUpload</Code>');
  });

  it('presigned URLs work with plain HTTP; tampered, unsigned and wrongly signed requests are refused', async () => {
    const url = (await awsOk(alice, ['s3', 'presign', 's3://files/in/a.txt', '--expires-in', '300'])).trim();
    expect(url).toContain('X-Amz-Signature=');
    const ok = await request(url);
    expect(ok.statusCode).toBe(200);
    expect(await ok.body.text()).toBe('alpha\n');
    const tampered = await request(url.replace('in/a.txt', 'in/b.txt'));
    expect(tampered.statusCode).toBe(403);
    expect(await tampered.body.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
    const unsigned = await request(`${emu.storageUrl}/files/in/a.txt`);
    expect(unsigned.statusCode).toBe(403);
    expect(await unsigned.body.text()).toContain('<Code>AccessDenied</Code>');

    const [wrongSecret, unknownKey] = await Promise.all([
      aws({ ...alice, secretKey: 'not-the-token' }, ['s3', 'ls', 's3://files']),
      aws({ ...alice, accessKey: 'nobody@example.com' }, ['s3', 'ls']),
    ]);
    expect(wrongSecret.stderr).toContain('SignatureDoesNotMatch');
    expect(unknownKey.stderr).toContain('InvalidAccessKeyId');
  });

  it('keeps accounts apart: another account sees neither the bucket nor its data', async () => {
    const [buckets, list, taken] = await Promise.all([aws(bob, ['s3', 'ls']), aws(bob, ['s3', 'ls', 's3://files']), aws(bob, ['s3', 'mb', 's3://files'])]);
    expect(buckets.exitCode).toBe(0);
    expect(buckets.stdout).not.toContain('files');
    expect(list.stderr).toContain('AccessDenied');
    expect(taken.stderr).toContain('BucketAlreadyExists');
    const get = await s3(bob, 'GET', '/files/in/a.txt');
    expect(get.status).toBe(403);
    expect(get.text).not.toContain('alpha');
    expect((await s3(bob, 'PUT', '/bob-bucket')).status).toBe(200);
    expect((await s3(alice, 'GET', '/')).text).not.toContain('bob-bucket');
  });

  it('runs a 3-instance task that reads its resource bucket and writes results read back with aws s3 cp', async () => {
    writeFileSync(join(work, 'input.txt'), 'input data\n');
    await awsOk(alice, ['s3', 'mb', 's3://job-in']);
    await awsOk(alice, ['s3', 'cp', join(work, 'input.txt'), 's3://job-in/input.txt']);
    const cmd = 'test "$PWD" = "$TASK_PATH" && test "$QARNOT_RESULTS_DIRECTORY" = "$TASK_PATH" && cat input.txt > out-$INSTANCE_ID.txt && echo "$INSTANCE_ID of $INSTANCE_COUNT" >> out-$INSTANCE_ID.txt';
    const uuid = (await cliOk(['task', 'create', '--name', 'done-when', '--profile', 'docker-batch', '-n', '3', '-c', `DOCKER_CMD=${cmd}`, '--resources', 'job-in', '--result', 'job-out'], { emulator: emu })).trim();
    await cliOk(['task', 'wait', uuid, '--timeout', '60s'], { emulator: emu });
    const out = join(work, 'results');
    await awsOk(alice, ['s3', 'cp', '--recursive', 's3://job-out', out]);
    expect(readdirSync(out).sort()).toEqual(['out-0.txt', 'out-1.txt', 'out-2.txt']); // input.txt was not changed: not a result
    for (const i of [0, 1, 2]) expect(readFileSync(join(out, `out-${i}.txt`), 'utf8')).toBe(`input data\n${i} of 3\n`);
    const task = await emu.call<{ resultsCount: number; state: string }>('GET', `/tasks/${uuid}`);
    expect(task.body).toMatchObject({ state: 'Success', resultsCount: 3 });
  });

  it('uploads 100 MB in parts with bounded emulator memory', async () => {
    const file = join(work, 'big.bin');
    const block = createHash('sha512').update('seed').digest();
    const mib = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < mib.length; i += block.length) block.copy(mib, i);
    writeFileSync(file, Buffer.concat(Array.from({ length: 100 }, (_, i) => { const b = Buffer.from(mib); b.writeUInt32BE(i); return b; })));
    const peak = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${emu.pid}/status`, 'utf8'))![1]) * 1024;
    const before = peak();
    await awsOk(alice, ['s3', 'cp', file, 's3://files/big.bin', '--only-show-errors']);
    const grown = peak() - before;
    // Ten 8 MiB parts in flight would hold 80 MiB if bodies were buffered; streamed, it stays far below.
    expect(grown).toBeLessThan(48 * 1024 * 1024);
    // The AWS CLI sends 8 MiB parts: the ETag proves every byte arrived, in order.
    const data = readFileSync(file);
    const partMd5s: Buffer[] = [];
    for (let at = 0; at < data.length; at += 8 * 1024 * 1024) partMd5s.push(createHash('md5').update(data.subarray(at, at + 8 * 1024 * 1024)).digest());
    const head = (await s3(alice, 'HEAD', '/files/big.bin')).headers;
    expect(head['content-length']).toBe(String(100 * 1024 * 1024));
    expect(head.etag).toBe(`"${createHash('md5').update(Buffer.concat(partMd5s)).digest('hex')}-${partMd5s.length}"`);
    process.stderr.write(`storage: 100 MiB multipart upload grew the emulator's peak RSS by ${(grown / 1048576).toFixed(1)} MiB (VmHWM ${(peak() / 1048576).toFixed(1)} MiB)\n`);
  });
});
