// Edge cases of the data verbs, found by a user's and an adversary's pass: symlinks, things in
// the way, keys no file can be named after, deletes of nothing.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliOk, tempConfigDir, type CliOptions } from '../helpers/cli.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';
import { BIN } from '../helpers/paths.js';
import { objectPath, s3 } from '../helpers/s3.js';
import { startS3Counter, type Intercept } from '../helpers/s3-counter.js';
import { waitFor } from '../helpers/wait.js';

const work = mkdtempSync(join(tmpdir(), 'qarnot-test-bucket-edge-'));
const dir = (name: string) => {
  const path = join(work, name);
  mkdirSync(path, { recursive: true });
  return path;
};
const partials = (root: string) => readdirSync(root, { recursive: true }).map(String).filter((p) => p.includes('qarnot-partial'));

describe('qarnot bucket, edge cases', () => {
  let emu: TestEmulator;
  let opts: CliOptions;
  let put: (bucket: string, key: string, body: string) => Promise<void>;

  beforeAll(async () => {
    emu = await startEmulator();
    opts = { emulator: emu, env: { QARNOT_STORAGE_URL: emu.storageUrl, QARNOT_ACCOUNT_EMAIL: emu.email } };
    const creds = { endpoint: emu.storageUrl, accessKey: emu.email, secretKey: emu.token };
    put = async (bucket, key, body) => {
      if ((await s3(creds, 'HEAD', `/${bucket}`)).status === 404) expect((await s3(creds, 'PUT', `/${bucket}`)).status).toBe(200);
      expect((await s3(creds, 'PUT', objectPath(bucket, key), body)).status).toBe(200);
    };
  });
  afterAll(async () => {
    await emu?.stop();
  });

  it('follows symlinks to files and directories, skips dangling links and loops with one line each, and partial downloads', async () => {
    const root = dir('links');
    mkdirSync(join(root, 'real'));
    writeFileSync(join(root, 'real', 'f.txt'), 'f');
    mkdirSync(join(root, 'tree'));
    writeFileSync(join(root, 'tree', 't.txt'), 't');
    symlinkSync('../real/f.txt', join(root, 'tree', 'to-file'));
    symlinkSync('../real', join(root, 'tree', 'to-dir'));
    symlinkSync('nowhere', join(root, 'tree', 'dangling'));
    symlinkSync('.', join(root, 'tree', 'self'));
    // What a killed download leaves behind is never sent.
    writeFileSync(join(root, 'tree', 'half.bin.qarnot-partial'), 'half');
    const result = await cli(['bucket', 'put', 'links', join(root, 'tree')], opts);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stderr).toContain(`skipped ${join(root, 'tree', 'dangling')}: a symlink to nothing`);
    expect(result.stderr).toContain(`skipped ${join(root, 'tree', 'self')}: a symlink loop`);
    expect((await cliOk(['bucket', 'ls', 'links', '-r', '-q'], opts)).split('\n').filter(Boolean)).toEqual(['t.txt', 'to-dir/f.txt', 'to-file']);
  });

  it('says what is in the way when a download meets a directory or a file, and leaves no partial file', async () => {
    await put('in-the-way', 'dir-here', 'a file');
    await put('in-the-way', 'file-here/x.txt', 'x');
    await put('in-the-way', 'fine.txt', 'fine');
    const dest = dir('in-the-way');
    mkdirSync(join(dest, 'dir-here'));
    writeFileSync(join(dest, 'file-here'), 'mine');
    const result = await cli(['bucket', 'sync', 'in-the-way', dest], opts);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(`failed: dir-here: "${join(dest, 'dir-here')}" is a directory, and the object is a file`);
    expect(result.stderr).toMatch(/failed: file-here\/x\.txt: a file is in the way of the directory/);
    expect(result.stderr).not.toMatch(/EISDIR|ENOTDIR|EEXIST|unexpected/);
    expect(readFileSync(join(dest, 'fine.txt'), 'utf8')).toBe('fine');
    expect(readFileSync(join(dest, 'file-here'), 'utf8')).toBe('mine');
    expect(partials(dest)).toEqual([]);
  });

  it('get: "-" is standard output; a key ending in ".." is refused; a missing key is not found', async () => {
    await put('get-edge', 'a.txt', 'alpha');
    await put('get-edge', 'x/..', 'dots');
    const cwd = dir('get-edge');
    expect(await cliOk(['bucket', 'get', 'get-edge/a.txt', '-'], opts)).toBe('alpha');
    expect(existsSync(join(cwd, '-'))).toBe(false);
    const dots = await cli(['bucket', 'get', 'get-edge/x/..', `${cwd}/`], opts);
    expect(dots.exitCode).toBe(2);
    expect(dots.stderr.trim()).toBe('error: LOCAL: the key "x/.." ends in "..", which cannot name a file; give LOCAL a file name');
    expect(readdirSync(cwd)).toEqual([]);
    const file = join(cwd, 'exists.txt');
    writeFileSync(file, 'keep');
    const missing = await cli(['bucket', 'get', 'get-edge/nothing', file], opts);
    expect(missing.exitCode).toBe(3);
    expect(missing.stderr).toContain('no object "get-edge/nothing"');
    expect(readFileSync(file, 'utf8')).toBe('keep');
  });

  it('a key with an empty segment is skipped, saying why, not that it would write outside', async () => {
    await put('empty-seg', 'a//b.txt', 'b');
    const result = await cli(['bucket', 'get', 'empty-seg', dir('empty-seg')], opts);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('skipped s3://empty-seg/a//b.txt: no local path stands for its key');
  });

  it('rm: a missing key is not found and nothing is deleted; a folder without -r asks for -r; cat of a folder says so', async () => {
    await put('rm-edge', 'keep.txt', 'k');
    await put('rm-edge', 'folder/in.txt', 'i');
    const missing = await cli(['bucket', 'rm', 'rm-edge/keep.txt', 'rm-edge/typo.txt', '--yes'], opts);
    expect(missing.exitCode).toBe(3);
    expect(missing.stderr.trim()).toBe('error: no object "rm-edge/typo.txt"; nothing was deleted');
    const folder = await cli(['bucket', 'rm', 'rm-edge/folder', '--yes'], opts);
    expect(folder.exitCode).toBe(2);
    expect(folder.stderr).toContain('is a folder, not an object; add -r');
    expect((await cliOk(['bucket', 'ls', 'rm-edge', '-r', '-q'], opts)).split('\n').filter(Boolean)).toEqual(['folder/in.txt', 'keep.txt']);
    // A folder marker object ("dir/") goes alone without -r, as with "aws s3 rm".
    await put('rm-edge', 'marker/', '');
    await put('rm-edge', 'marker/in.txt', 'i');
    expect((await cli(['bucket', 'rm', 'rm-edge/marker/', '--yes'], opts)).exitCode).toBe(0);
    expect(await cliOk(['bucket', 'ls', 'rm-edge/marker/', '-r', '-q'], opts)).toBe('marker/in.txt');
    const cat = await cli(['bucket', 'cat', 'rm-edge/folder'], opts);
    expect([cat.exitCode, cat.stderr.trim()]).toEqual([2, 'error: NAME/KEY: "rm-edge/folder" is a folder, not an object: list it with "qarnot bucket ls rm-edge/folder/"']);
  });

  it('put: two files of one name to one prefix are refused before anything is sent', async () => {
    const root = dir('same-name');
    mkdirSync(join(root, 'x'));
    mkdirSync(join(root, 'y'));
    writeFileSync(join(root, 'x', 'a.txt'), 'X');
    writeFileSync(join(root, 'y', 'a.txt'), 'Y');
    const result = await cli(['bucket', 'put', 'same-name/pre/', join(root, 'x', 'a.txt'), join(root, 'y', 'a.txt')], opts);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('would both go to s3://same-name/pre/a.txt');
    expect((await cli(['bucket', 'ls', 'same-name'], opts)).exitCode).toBe(3);
  });

  it('a key over S3\'s 1,024 bytes: refused before anything is sent; the emulator refuses it as S3 does', async () => {
    const file = join(dir('long-key'), 'a.txt');
    writeFileSync(file, 'A');
    const long = 'é'.repeat(513); // 1,026 bytes of UTF-8 in 513 characters
    const result = await cli(['bucket', 'put', `long-key/${long}`, file], opts);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('error: NAME[/PREFIX]: the key is 1026 bytes long (UTF-8); the storage takes at most 1024');
    expect((await cli(['bucket', 'ls', 'long-key'], opts)).exitCode).toBe(3);
    // The emulator, for clients that do not check (the AWS CLI does not).
    await put('long-key', 'a', 'A');
    const creds = { endpoint: emu.storageUrl, accessKey: emu.email, secretKey: emu.token };
    const answer = await s3(creds, 'PUT', objectPath('long-key', long), 'A');
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('<Code>KeyTooLongError</Code>');
    expect((await s3(creds, 'PUT', objectPath('long-key', 'k'.repeat(1024)), 'A')).status).toBe(200);
  });

  /** A proxy in front of the storage (the counting one): `intercept` stages faults. */
  async function storageProxy(intercept: Intercept): Promise<{ url: string; stop: () => void }> {
    const proxy = await startS3Counter(emu.storageUrl, intercept);
    return { url: proxy.url, stop: () => void proxy.close() };
  }

  /** Runs `args` through a proxy that holds the requests `hold` picks unanswered, and sends SIGINT once one is held. */
  async function interruptWhenHeld(args: string[], hold: (req: IncomingMessage) => boolean): Promise<{ exitCode: number; held: number }> {
    let held = 0;
    const proxy = await storageProxy((req) => hold(req) && ++held > 0);
    try {
      const child = execa('node', [BIN, ...args, '--concurrency', '1'], {
        reject: false,
        stdin: 'ignore',
        env: { QARNOT_CONFIG_DIR: tempConfigDir(), QARNOT_CLUSTER_URL: emu.url, QARNOT_CLIENT_TOKEN: emu.token, QARNOT_ACCOUNT_EMAIL: emu.email, QARNOT_STORAGE_URL: proxy.url },
      });
      await waitFor(() => held === 1, { what: 'a request to be held' });
      child.kill('SIGINT');
      return { exitCode: (await child).exitCode ?? -1, held };
    } finally {
      proxy.stop();
    }
  }

  it('Ctrl-C in a download in parts starts no further part and leaves no partial file', async () => {
    const root = dir('interrupt');
    writeFileSync(join(root, 'big.bin'), Buffer.alloc(17 * 1024 * 1024, 7));
    await cliOk(['bucket', 'put', 'interrupt/big.bin', join(root, 'big.bin')], opts);
    const dest = dir('interrupt-down');
    // Every part but the first is held.
    const result = await interruptWhenHeld(['bucket', 'get', 'interrupt/big.bin', `${dest}/`], (req) => /^bytes=[1-9]/.test(req.headers.range ?? ''));
    expect(result).toEqual({ exitCode: 130, held: 1 });
    expect(readdirSync(dest)).toEqual([]);
  });

  it('Ctrl-C in an upload in parts aborts the multipart upload: no parts stay stored', async () => {
    const file = join(dir('interrupt-up'), 'big.bin');
    writeFileSync(file, Buffer.alloc(17 * 1024 * 1024, 9));
    await cliOk(['bucket', 'create', 'interrupt-up'], opts);
    const result = await interruptWhenHeld(['bucket', 'put', 'interrupt-up/big.bin', file], (req) => /[?&]partNumber=2/.test(req.url ?? ''));
    expect(result).toEqual({ exitCode: 130, held: 1 });
    const creds = { endpoint: emu.storageUrl, accessKey: emu.email, secretKey: emu.token };
    const uploads = await s3(creds, 'GET', '/interrupt-up?uploads');
    expect(uploads.status).toBe(200);
    expect(uploads.text).not.toContain('<Upload>');
  });

  it('a key with a control character does not make the whole bucket unlistable, or undeletable', async () => {
    const keys = ['bell\u0007\nnewline.txt', 'a b+c%20d.txt', 'dir x/é.txt'];
    for (const key of keys) await put('control-chars', key, 'x');
    const listed = JSON.parse(await cliOk(['bucket', 'ls', 'control-chars', '-r', '--json'], opts)) as { key: string }[];
    expect(listed.map((o) => o.key).sort()).toEqual([...keys].sort());
    const folders = JSON.parse(await cliOk(['bucket', 'ls', 'control-chars', '--json'], opts)) as { key: string }[];
    expect(folders.map((o) => o.key)).toContain('dir x/');
    // Nor undeletable: XML cannot carry it in a DeleteObjects batch.
    const removed = await cli(['bucket', 'rm', 'control-chars', '-r', '--yes'], opts);
    expect([removed.exitCode, removed.stderr]).toEqual([0, 'Deleted 3 objects']);
    expect(await cliOk(['bucket', 'ls', 'control-chars', '-r', '-q'], opts)).toBe('');
  });

  it('sync --delete from an empty source (a mistyped prefix) refuses to empty the destination', async () => {
    const local = dir('precious');
    writeFileSync(join(local, 'p.txt'), 'precious');
    await put('precious', 'data/x.txt', 'x');
    const down = await cli(['bucket', 'sync', 'precious/dta', local, '--delete'], opts);
    expect([down.exitCode, down.stderr.trim()]).toEqual([2, `error: --delete: s3://precious/dta/ holds nothing (after --exclude/--include): it would delete all of ${local} (1 file); check the path, or delete them with "qarnot bucket rm -r" or rm`]);
    expect(readFileSync(join(local, 'p.txt'), 'utf8')).toBe('precious');
    const up = await cli(['bucket', 'sync', dir('empty-dir'), 'precious/data', '--delete'], opts);
    expect(up.exitCode).toBe(2);
    expect(await cliOk(['bucket', 'ls', 'precious', '-r', '-q'], opts)).toBe('data/x.txt');
  });

  it('a storage that goes away mid-sync stops it with one line, not one line per file', async () => {
    const src = dir('goes-away');
    for (let i = 0; i < 60; i++) writeFileSync(join(src, `f${i}.txt`), String(i));
    await cliOk(['bucket', 'create', 'goes-away'], opts);
    let seen = 0;
    // The listing and a few uploads pass; then the storage is gone (connections refused).
    const proxy = await storageProxy((_req, server) => {
      if (++seen !== 6) return false;
      server.close();
      server.closeAllConnections();
      return true;
    });
    const storage = proxy.url;
    const result = await cli(['bucket', 'sync', src, 'goes-away', '--concurrency', '16'], { ...opts, env: { ...opts.env, QARNOT_STORAGE_URL: storage } });
    expect(result.exitCode).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^error: cannot reach the storage at http:\/\/127\.0\.0\.1:\d+ \(PUT goes-away\/f\d+\.txt: (ECONNREFUSED|ECONNRESET)\)$/)]);
  });

  it('a file that shrinks between the listing and its upload fails alone, at once', async () => {
    const src = dir('shrinks');
    writeFileSync(join(src, 'big.bin'), Buffer.alloc(2 * 1024 * 1024, 1));
    writeFileSync(join(src, 'small.txt'), 'small');
    await cliOk(['bucket', 'create', 'shrinks'], opts);
    // The sync has walked the tree when it lists the bucket: the file shrinks then.
    const proxy = await storageProxy((req, _server, pass) => {
      if (!/list-type/.test(req.url ?? '')) return false;
      truncateSync(join(src, 'big.bin'), 1000);
      pass();
      return true;
    });
    try {
      const result = await cli(['bucket', 'sync', src, 'shrinks'], { ...opts, env: { ...opts.env, QARNOT_STORAGE_URL: proxy.url } });
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain('failed: big.bin: the file changed while it was sent (1000 bytes read of 2097152); run again');
      expect(await cliOk(['bucket', 'ls', 'shrinks', '-q'], opts)).toBe('small.txt');
    } finally {
      proxy.stop();
    }
  });

  it('an authentication failure names the setting that exists', async () => {
    const result = await cli(['bucket', 'ls', 'rm-edge'], { ...opts, env: { ...opts.env, QARNOT_ACCOUNT_EMAIL: 'someone@else.example' } });
    expect(result.exitCode).toBe(4);
    expect(result.stderr).toContain('"qarnot config set account-email"');
    expect(await cli(['config', 'set', 'account-email', 'a@b.example'], opts)).toMatchObject({ exitCode: 0 });
  });
});
