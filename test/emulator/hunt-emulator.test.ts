import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_EMAIL } from '../../src/emulator/index.js';
import { s3 } from '../helpers/s3.js';
import { docker, start, waitFor, waitTaskFinal } from './helpers.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'emu-hunt-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('restart with --data', () => {
  it('runs again a task queued on its pool whose instances never started', async () => {
    const dataDir = tempDir();
    const a = await start({ dataDir });
    const pool = (await a.call('POST', '/pools', { name: 'one-slot', profile: 'docker-batch', instanceCount: 1 })).body.uuid;
    await waitFor(async () => (await a.get(`/pools/${pool}`)).state === 'FullyExecuting');
    const busy = await a.task({ ...docker('exec sleep 30'), profile: undefined, poolUuid: pool });
    await waitFor(async () => (await a.get(`/tasks/${busy}`)).runningInstanceCount === 1, 10_000, 'the slot taken');
    const queued = await a.task({ ...docker('echo ran'), profile: undefined, poolUuid: pool });
    // Dispatched to its pool, waiting for the slot: no instance ever ran.
    await waitFor(async () => (await a.get(`/tasks/${queued}`)).state === 'PartiallyDispatched', 10_000, 'queued on the pool');
    await a.stop();

    const b = await start({ dataDir });
    try {
      expect((await b.get(`/tasks/${busy}`)).state).toBe('Failure');
      const t = await waitTaskFinal(b, queued);
      expect(t.state).toBe('Success');
      expect((await b.call('GET', `/tasks/${queued}/stdout`)).text).toBe('0> ran\n');
    } finally {
      await b.stop();
    }
  });
});

describe('instance environment', () => {
  it('gives a task of advancedRanges its number of instances in INSTANCE_COUNT, not 0', async () => {
    const api = await start();
    try {
      const uuid = await api.task({ ...docker('echo "$INSTANCE_ID/$INSTANCE_COUNT"'), instanceCount: undefined, advancedRanges: '2-4,10' });
      const t = await waitTaskFinal(api, uuid);
      expect(t.state).toBe('Success');
      const lines = (await api.call('GET', `/tasks/${uuid}/stdout`)).text.trim().split('\n').sort();
      expect(lines).toEqual(['10> 10/4', '2> 2/4', '3> 3/4', '4> 4/4']);
    } finally {
      await api.stop();
    }
  });
});

describe('storage', () => {
  it('answers GetBucketVersioning as never enabled (rclone purge asks), and still refuses to enable it', async () => {
    const api = await start();
    try {
      const creds = { endpoint: api.emu.storageUrl, accessKey: DEFAULT_EMAIL, secretKey: api.emu.token };
      expect((await s3(creds, 'PUT', '/plain')).status).toBe(200);
      const got = await s3(creds, 'GET', '/plain?versioning');
      expect(got.status).toBe(200);
      expect(got.text).toMatch(/<VersioningConfiguration xmlns="http:\/\/s3.amazonaws.com\/doc\/2006-03-01\/"\s*\/?>(<\/VersioningConfiguration>)?\s*$/);
      const enable = '<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>';
      expect((await s3(creds, 'PUT', '/plain?versioning', enable)).status).toBe(501);
      expect((await s3(creds, 'GET', '/missing-bucket?versioning')).status).toBe(404);
      expect((await s3(creds, 'PUT', '/plain/k', 'v')).status).toBe(200);
      expect((await s3(creds, 'GET', '/plain/k?versioning')).status).toBe(501);
    } finally {
      await api.stop();
    }
  });
});

describe('restart with --data, maxTimeQueueSeconds', () => {
  it('still cancels a task that waits in its pool queue past maxTimeQueueSeconds', async () => {
    const dataDir = tempDir();
    const a = await start({ dataDir });
    const pool = (await a.call('POST', '/pools', { name: 'one-slot', profile: 'docker-batch', instanceCount: 1 })).body.uuid;
    await waitFor(async () => (await a.get(`/pools/${pool}`)).state === 'FullyExecuting');
    const inPool = (cmd: string, extra: Record<string, unknown> = {}) => ({ ...docker(cmd), profile: undefined, poolUuid: pool, ...extra });
    const busy = await a.task(inPool('exec sleep 30'));
    await waitFor(async () => (await a.get(`/tasks/${busy}`)).runningInstanceCount === 1, 10_000, 'the slot taken');
    // After the restart, `next` takes the slot for 30 s; `late` waits behind it.
    await a.task(inPool('exec sleep 30'));
    const late = await a.task(inPool('true', { maxTimeQueueSeconds: 2 }));
    await a.stop();

    const b = await start({ dataDir });
    try {
      const t = await waitTaskFinal(b, late, 10_000);
      expect(t.state).toBe('Cancelled');
      expect(t.errors.map((e: { code: string }) => e.code)).toContain('EMU-MAX-QUEUE-TIME');
    } finally {
      await b.stop();
    }
  });
});

describe('a damaged state.json', () => {
  it('is refused with a message naming the file and the way out', async () => {
    for (const content of ['', '{"format":', 'null']) {
      const dataDir = tempDir();
      writeFileSync(join(dataDir, 'state.json'), content);
      await expect(start({ dataDir })).rejects.toThrow(content === 'null' ? /unsupported state format .*state\.json/ : /state\.json is damaged .*move it away/);
    }
  });
});

describe('GET /settings', () => {
  it('names the storage by the host the client used when bound to 0.0.0.0, not http://0.0.0.0', async () => {
    const api = await start({ host: '0.0.0.0' });
    try {
      const port = new URL(api.emu.storageUrl).port;
      const res = await api.call('GET', '/settings', undefined, { host: `emulator.example:${new URL(api.emu.url).port}` });
      expect(res.body).toEqual({ storage: `http://emulator.example:${port}` });
    } finally {
      await api.stop();
    }
    const local = await start();
    try {
      expect((await local.get('/settings')).storage).toBe(local.emu.storageUrl);
    } finally {
      await local.stop();
    }
  });
});

describe.skipIf(!existsSync('/proc/self/stat'))('the --data lock', () => {
  it('is taken over when its pid now belongs to a process started after it (pid reuse after a reboot, in a container)', async () => {
    const dataDir = tempDir();
    const a = await start({ dataDir });
    await a.stop();
    // As a kill -9 leaves it, written long ago; its pid now names a live process started since (this one).
    const lock = join(dataDir, 'emulator.lock');
    writeFileSync(lock, String(process.pid));
    utimesSync(lock, new Date('2020-01-01'), new Date('2020-01-01'));
    const b = await start({ dataDir });
    try {
      // Still one emulator at a time: a fresh lock of a live process holds.
      await expect(start({ dataDir })).rejects.toThrow(/another emulator \(pid \d+\) uses the data directory/);
    } finally {
      await b.stop();
    }
  });
});

describe('storage multipart', () => {
  it('answers a retried CompleteMultipartUpload (its answer lost) as the first, as S3 does', async () => {
    const api = await start();
    try {
      const creds = { endpoint: api.emu.storageUrl, accessKey: DEFAULT_EMAIL, secretKey: api.emu.token };
      expect((await s3(creds, 'PUT', '/mp-retry')).status).toBe(200);
      const id = /<UploadId>([^<]+)<\/UploadId>/.exec((await s3(creds, 'POST', '/mp-retry/k?uploads')).text)![1]!;
      const part = await s3(creds, 'PUT', `/mp-retry/k?partNumber=1&uploadId=${encodeURIComponent(id)}`, 'only part');
      const body = `<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>${String(part.headers.etag)}</ETag></Part></CompleteMultipartUpload>`;
      const complete = (key: string) => s3(creds, 'POST', `/mp-retry/${key}?uploadId=${encodeURIComponent(id)}`, body);
      const first = await complete('k');
      expect(first.status).toBe(200);
      const again = await complete('k');
      expect(again.status, again.text).toBe(200);
      expect(/<ETag>(.*)<\/ETag>/.exec(again.text)![1]).toBe(/<ETag>(.*)<\/ETag>/.exec(first.text)![1]);
      expect((await s3(creds, 'GET', '/mp-retry/k')).text).toBe('only part');
      // Only for that upload's key, and while the object is still the one it made.
      expect((await complete('other')).status).toBe(404);
      expect((await s3(creds, 'PUT', '/mp-retry/k', 'replaced')).status).toBe(200);
      expect((await complete('k')).status).toBe(404);
    } finally {
      await api.stop();
    }
  });
});

describe('HEAD', () => {
  it('answers a GET route without the body (wget --spider, health checks), not 404', async () => {
    const api = await start();
    try {
      const settings = await api.call('HEAD', '/settings');
      expect(settings.status).toBe(200);
      expect(settings.text).toBe('');
      expect(Number(settings.headers['content-length'])).toBeGreaterThan(0);
      expect((await api.call('HEAD', '/tasks')).status).toBe(200);
      expect((await api.call('HEAD', '/tasks', undefined, { authorization: 'wrong' })).status).toBe(401);
      expect((await api.call('HEAD', '/tasks/00000000-0000-0000-0000-000000000000')).status).toBe(404);
    } finally {
      await api.stop();
    }
  });
});

describe('execution time', () => {
  it('does not count the wait for a free process slot (maxConcurrentProcesses) as execution', async () => {
    const api = await start({ maxConcurrentProcesses: 1 });
    try {
      // Each runs 1 s, one after the other in the only process slot: the second waits 1 s first.
      const uuid = await api.task({ ...docker('sleep 1'), instanceCount: 2 });
      const t = await waitTaskFinal(api, uuid);
      expect(t.state).toBe('Success');
      const times = t.status.executionTimeByInstanceId.map((i: { time: number }) => i.time) as number[];
      expect(times).toHaveLength(2);
      for (const time of times) expect(time).toBeLessThan(1.8);
    } finally {
      await api.stop();
    }
  });
});

describe('restart with --data, during the results upload', () => {
  it('ends Failure a task whose results upload had not finished, not a silent Success', async () => {
    const dataDir = tempDir();
    const a = await start({ dataDir });
    const cut = await a.task(docker('echo result > out.txt', { name: 'cut', resultBucket: 'cut-results' }));
    const done = await a.task(docker('echo result > out.txt', { name: 'done', resultBucket: 'done-results' }));
    for (const uuid of [cut, done]) expect((await waitTaskFinal(a, uuid)).state).toBe('Success');
    await a.stop();
    // The state a kill -9 leaves in the upload phase: `cut` before its upload ended, `done` after.
    const file = join(dataDir, 'state.json');
    const state = JSON.parse(readFileSync(file, 'utf8'));
    for (const t of state.accounts[0].tasks) {
      if (t.uuid !== cut && t.uuid !== done) continue;
      t.state = 'UploadingResults';
      t.endDate = null;
      if (t.uuid === cut) delete t.resultsCount;
    }
    writeFileSync(file, JSON.stringify(state));
    const b = await start({ dataDir });
    try {
      const t = await waitTaskFinal(b, cut);
      expect(t.state).toBe('Failure');
      expect(t.errors.map((e: { message: string }) => e.message).join('\n')).toMatch(/results upload was interrupted/);
      expect((await waitTaskFinal(b, done)).state).toBe('Success');
    } finally {
      await b.stop();
    }
  });
});

describe('request bodies', () => {
  it('accepts JSON starting with a UTF-8 byte order mark (a file saved by a Windows editor, sent by curl)', async () => {
    const api = await start();
    try {
      const res = await api.call('POST', '/tasks', `\uFEFF${JSON.stringify({ name: 'bom', profile: 'docker-batch', instanceCount: 1 })}`);
      expect(res.status, res.text).toBe(200);
      expect((await api.get(`/tasks/${res.body.uuid}`)).name).toBe('bom');
    } finally {
      await api.stop();
    }
  });
});
