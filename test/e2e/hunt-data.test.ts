// A second adversarial pass over the data verbs: each case failed before its fix.
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliOk, tempConfigDir, type CliOptions } from '../helpers/cli.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';
import { BIN } from '../helpers/paths.js';
import { s3 } from '../helpers/s3.js';
import { startS3Counter } from '../helpers/s3-counter.js';

const work = mkdtempSync(join(tmpdir(), 'qarnot-test-hunt-data-'));
const tree = (name: string, files: Record<string, string>) => {
  const root = join(work, name);
  for (const [rel, body] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), body);
  }
  mkdirSync(root, { recursive: true });
  return root;
};

describe('qarnot bucket, second adversarial pass', () => {
  let emu: TestEmulator;
  let opts: CliOptions;

  beforeAll(async () => {
    emu = await startEmulator();
    opts = { emulator: emu, env: { QARNOT_STORAGE_URL: emu.storageUrl, QARNOT_ACCOUNT_EMAIL: emu.email } };
  });
  afterAll(async () => {
    await emu?.stop();
  });

  it('sync --delete --exclude "/build/**": a leading "/" anchors at the root (rclone), so the local build/ is kept', async () => {
    await cliOk(['bucket', 'sync', tree('anchor-src', { 'keep.txt': 'k' }), 'anchor-bucket'], opts);
    const local = tree('anchor-dst', { 'build/out.o': 'o', 'a/build/out.o': 'deep' });
    await cliOk(['bucket', 'sync', 'anchor-bucket', local, '--delete', '--exclude', '/build/**'], opts);
    expect(existsSync(join(local, 'build/out.o'))).toBe(true);
    expect(existsSync(join(local, 'a/build/out.o'))).toBe(false);
    expect(existsSync(join(local, 'keep.txt'))).toBe(true);
  });

  it('a file whose name is not UTF-8 is a failure (exit 1), not skipped as "a symlink to nothing" with exit 0', async () => {
    const root = tree('latin1', { 'ok.txt': 'ok' });
    writeFileSync(Buffer.concat([Buffer.from(`${root}/caf`), Buffer.from([0xe9]), Buffer.from('.txt')]), 'data');
    const result = await cli(['bucket', 'sync', root, 'latin1-bucket'], opts);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/skipped .*caf\uFFFD\.txt: its name is not valid UTF-8/);
    expect(result.stderr).not.toMatch(/symlink/);
  });

  it('a file that grows between the listing and its upload fails, and is not stored cut short', async () => {
    const src = tree('grows', { 'small.txt': 'small' });
    writeFileSync(join(src, 'log.bin'), Buffer.alloc(2 * 1024 * 1024, 1));
    await cliOk(['bucket', 'create', 'grows'], opts);
    // The sync has walked the tree when it lists the bucket: the file grows then.
    const proxy = await startS3Counter(emu.storageUrl, (req, _server, pass) => {
      if (!/list-type/.test(req.url ?? '')) return false;
      appendFileSync(join(src, 'log.bin'), 'more');
      pass();
      return true;
    });
    try {
      const result = await cli(['bucket', 'sync', src, 'grows'], { ...opts, env: { ...opts.env, QARNOT_STORAGE_URL: proxy.url } });
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain('failed: log.bin: the file changed while it was sent (2097152 bytes when listed, 2097156 now); run again');
      expect(await cliOk(['bucket', 'ls', 'grows', '-q'], opts)).toBe('small.txt');
    } finally {
      void proxy.close();
    }
  });

  it('put - : a part refused while standard input is slow to come ends the upload with one line, and aborts it', async () => {
    const small = await startEmulator(['--storage-quota', '10MB']);
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // Two parts (8 MiB each, the second over the quota), then an input that does not end.
    async function* slowInput() {
      yield Buffer.alloc(16 * 1024 * 1024 + 1);
      await held;
    }
    try {
      await cliOk(['bucket', 'create', 'slow-in'], { emulator: small, env: { QARNOT_STORAGE_URL: small.storageUrl, QARNOT_ACCOUNT_EMAIL: small.email } });
      const child = execa('node', [BIN, 'bucket', 'put', 'slow-in/big', '-'], {
        reject: false,
        stdin: slowInput(),
        timeout: 60_000,
        env: { QARNOT_CONFIG_DIR: tempConfigDir(), QARNOT_CLUSTER_URL: small.url, QARNOT_CLIENT_TOKEN: small.token, QARNOT_ACCOUNT_EMAIL: small.email, QARNOT_STORAGE_URL: small.storageUrl },
      });
      // The input ends only once the command has exited on its own (execa waits for the input).
      child.on('exit', release);
      const result = await child;
      expect(result.exitCode).toBe(1);
      expect(String(result.stderr).trim().split('\n')).toEqual([expect.stringMatching(/^error: storage quota exceeded writing "slow-in\/big"/)]);
      const uploads = await s3({ endpoint: small.storageUrl, accessKey: small.email, secretKey: small.token }, 'GET', '/slow-in?uploads');
      expect(uploads.status).toBe(200);
      expect(uploads.text).not.toContain('<Upload>');
    } finally {
      release();
      await small.stop();
    }
  });

  it('task results: a results prefix not ending in "/" is used as it is, as the storage uses it ("run1-" → run1-out.txt)', async () => {
    const create = ['task', 'create', '--name', 'raw prefix', '--profile', 'docker-batch', '--result', 'raw-prefix-res', '--results-bucket-prefix', 'run1-', '-c', 'DOCKER_CMD=echo hi > out.txt'];
    const id = (await cliOk([...create, '-q'], opts)).trim();
    await cliOk(['task', 'wait', id], opts);
    expect(await cliOk(['bucket', 'ls', 'raw-prefix-res', '-r', '-q'], opts)).toBe('run1-out.txt');
    const dest = join(work, 'raw-prefix-results');
    await cliOk(['task', 'results', id, dest], opts);
    expect(readFileSync(join(dest, 'out.txt'), 'utf8')).toBe('hi\n');
  });

  it('sync: a quoted "~/dir" is the home directory, not a directory named "~" where the command runs', async () => {
    await cliOk(['bucket', 'sync', tree('tilde-src', { 'a.txt': 'a' }), 'tilde-bucket'], opts);
    const home = tree('tilde-home', {});
    const out = await cliOk(['bucket', 'sync', 'tilde-bucket', '~/out', '--dry-run'], { ...opts, env: { ...opts.env, HOME: home } });
    expect(out).toBe(`(dry run) download: s3://tilde-bucket/a.txt to ${join(home, 'out', 'a.txt')}`);
  });

  it('put: two directories holding one name are refused before anything is sent, not merged with the last one winning', async () => {
    const one = tree('merge-1', { 'x.txt': 'one', 'a.txt': 'a' });
    const two = tree('merge-2', { 'x.txt': 'two' });
    const result = await cli(['bucket', 'put', 'merge-bucket/', one, two], opts);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(`error: PATH: "${join(one, 'x.txt')}" and "${join(two, 'x.txt')}" would both go to s3://merge-bucket/x.txt; put them one at a time to different keys`);
    expect((await cli(['bucket', 'ls', 'merge-bucket'], opts)).exitCode).toBe(3);
    await cliOk(['bucket', 'put', 'merge-bucket/', one, two, '--exclude', 'x.txt'], opts);
    expect(await cliOk(['bucket', 'ls', 'merge-bucket', '-q'], opts)).toBe('a.txt');
  });

  it('get of a missing key leaves no empty directory named LOCAL behind (the next get would go into it)', async () => {
    await cliOk(['bucket', 'sync', tree('typo-src', { 'report.pdf': 'pdf' }), 'typo-bucket'], opts);
    const dest = join(work, 'report-copy.pdf');
    const typo = await cli(['bucket', 'get', 'typo-bucket/reprot.pdf', dest], opts);
    expect(typo.exitCode).toBe(3);
    expect(existsSync(dest)).toBe(false);
    await cliOk(['bucket', 'get', 'typo-bucket/report.pdf', dest], opts);
    expect(readFileSync(dest, 'utf8')).toBe('pdf');
  });

  it('sync --delete --include alone (a no-op, as in the AWS CLI) is refused, not a deletion of every other file', async () => {
    await cliOk(['bucket', 'sync', tree('include-src', { 'a.txt': 'a' }), 'include-bucket'], opts);
    const local = tree('include-dst', { 'a.txt': 'a', 'notes.md': 'mine' });
    const result = await cli(['bucket', 'sync', 'include-bucket', local, '--delete', '--include', '*.txt'], opts);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(`error: --include "*.txt": takes back what an earlier --exclude skipped, and none comes before it; to take only these paths, write --exclude '*' --include "*.txt"`);
    expect(existsSync(join(local, 'notes.md'))).toBe(true);
    await cliOk(['bucket', 'sync', 'include-bucket', local, '--delete', '--exclude', '*', '--include', '*.txt'], opts);
    expect(existsSync(join(local, 'notes.md'))).toBe(true);
  });
});
