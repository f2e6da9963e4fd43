// Real data in instances: resources staged before they run, results uploaded after.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_EMAIL } from '../../src/emulator/index.js';
import type { AwsCredentials } from '../helpers/aws.js';
import { objectPath, s3 } from '../helpers/s3.js';
import { docker, start, waitFor, waitTaskFinal, type Api } from './helpers.js';

describe('task data', () => {
  let api: Api;
  let creds: AwsCredentials;
  const put = async (bucket: string, key: string, body: string) => expect((await s3(creds, 'PUT', objectPath(bucket, key), body)).status).toBe(200);
  const get = async (bucket: string, key: string) => s3(creds, 'GET', objectPath(bucket, key));
  const keys = async (bucket: string) => [...(await s3(creds, 'GET', `/${bucket}?list-type=2`)).text.matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => m[1]);

  beforeAll(async () => {
    api = await start();
    creds = { endpoint: api.emu.storageUrl, accessKey: DEFAULT_EMAIL, secretKey: api.emu.token };
    for (const b of ['res-a', 'res-b', 'pool-res']) expect((await s3(creds, 'PUT', `/${b}`)).status).toBe(200);
    await put('res-a', 'shared.txt', 'from a');
    await put('res-a', 'only-a.txt', 'a');
    await put('res-b', 'data/in/shared.txt', 'from b');
    await put('res-b', 'data/in/sub/deep.txt', 'deep');
    await put('res-b', 'other/skipped.txt', 'no');
    await put('res-b', 'data/in/../../escape.txt', 'never placed');
    await put('pool-res', 'pool.txt', 'pool file');
  });
  afterAll(() => api?.stop());

  it('stages advanced buckets in order (prefix filtering, strip) and uploads changed files through the lists', async () => {
    const cmd = [
      'test "$PWD" = "$TASK_PATH" && test "$QARNOT_RESOURCES_DIRECTORY" = "$PWD" && test -d "$TMP_PATH"',
      'case "$TMP_PATH" in "$PWD"/*) exit 9;; esac',
      'cat shared.txt sub/deep.txt > seen.txt && echo "$INSTANCE_COUNT" > count.txt && echo x > skip.log && echo t > "$TMP_PATH/tmp.txt"',
      'test ! -e other && test ! -e escape.txt && test ! -e ../escape.txt',
    ].join(' && ');
    const uuid = await api.task(
      docker(cmd, {
        instanceCount: 2,
        advancedResourceBuckets: [
          { bucketName: 'res-a', filtering: null, resourcesTransformation: null },
          { bucketName: 'res-b', filtering: { prefixFiltering: { prefix: 'data/in/' } }, resourcesTransformation: { stripPrefix: { prefix: 'data/in/' } } },
        ],
        resultBucket: 'results-1',
        resultsBucketPrefix: 'run/',
        resultsWhitelist: '\\.(txt|log)$',
        resultsBlacklist: '^skip',
      }),
    );
    const t = await waitTaskFinal(api, uuid);
    expect(t.state, JSON.stringify(t.errors)).toBe('Success');
    expect(t.previousState).toBe('UploadingResults');
    expect(t.resultsCount).toBe(4); // seen.txt and count.txt of each of the 2 instances, into the same keys
    expect((await keys('results-1')).sort()).toEqual(['run/count.txt', 'run/seen.txt']);
    expect((await get('results-1', 'run/seen.txt')).text).toBe('from bdeep'); // res-b overwrote res-a's shared.txt
    expect((await get('results-1', 'run/count.txt')).text).toBe('2\n');
  });

  it('pool tasks see the pool resources then their own; a missing bucket fails the instance clearly', async () => {
    const pool = await api.call('POST', '/pools', { name: 'p', profile: 'docker-batch', instanceCount: 1, resourceBuckets: ['pool-res'] });
    expect(pool.status).toBe(200);
    const inPool = await api.task({ name: 't', poolUuid: pool.body.uuid, instanceCount: 1, resourceBuckets: ['res-a'], resultBucket: 'results-2', constants: [{ key: 'DOCKER_CMD', value: 'cat pool.txt only-a.txt > both.txt' }] });
    const missing = await api.task(docker('true', { resourceBuckets: ['no-such-bucket'] }));
    const t = await waitTaskFinal(api, inPool, 20_000);
    expect(t.state, JSON.stringify(t.errors)).toBe('Success');
    expect((await get('results-2', 'both.txt')).text).toBe('pool filea');
    const m = await waitTaskFinal(api, missing);
    expect(m.state).toBe('Failure');
    expect(JSON.stringify(m.errors)).toContain("resource bucket 'no-such-bucket' does not exist");
  });

  it('PATCH re-copies changed resources into running instances', async () => {
    const uuid = await api.task(docker('while [ ! -f late.txt ]; do sleep 0.05; done; cp late.txt got.txt', { resourceBuckets: ['res-a'], resultBucket: 'results-3' }));
    await waitFor(async () => (await api.get(`/tasks/${uuid}`)).state === 'FullyExecuting', 10_000, 'the task to run');
    await put('res-a', 'late.txt', 'arrived');
    expect((await api.call('PATCH', `/tasks/${uuid}`)).status).toBe(200);
    const t = await waitTaskFinal(api, uuid);
    expect(t.state).toBe('Success');
    expect((await get('results-3', 'got.txt')).text).toBe('arrived');
  });

  it('a cancelled task uploads its results only with uploadResultsOnCancellation', async () => {
    const body = (upload: boolean, bucket: string) => docker('echo partial > partial.txt; echo written; sleep 30', { resultBucket: bucket, uploadResultsOnCancellation: upload });
    const [kept, dropped] = [await api.task(body(true, 'results-4')), await api.task(body(false, 'results-5'))];
    for (const uuid of [kept, dropped]) await waitFor(async () => (await api.call('GET', `/tasks/${uuid}/stdout`)).text.includes('written'), 10_000, 'the file to be written');
    for (const uuid of [kept, dropped]) expect((await api.call('POST', `/tasks/${uuid}/abort`)).status).toBe(200);
    expect((await waitTaskFinal(api, kept)).state).toBe('Cancelled');
    expect((await waitTaskFinal(api, dropped)).state).toBe('Cancelled');
    expect(await keys('results-4')).toEqual(['partial.txt']);
    expect((await s3(creds, 'HEAD', '/results-5')).status).toBe(404);
  });
  it('snapshots upload the running instances\' files: unique (with its status) and periodic', async () => {
    const uuid = await api.task(docker('echo snap > s.txt; echo skip > s.log; echo ready; sleep 30', { resultBucket: 'results-6' }));
    await waitFor(async () => (await api.call('GET', `/tasks/${uuid}/stdout`)).text.includes('ready'), 10_000, 'the files to be written');
    const first = await api.call('POST', `/tasks/${uuid}/snapshot`, { whitelist: '\\.txt$', bucket: 'snaps', bucketPrefix: 'u/' });
    expect(first.body.status).toBe('Triggered');
    const done = await waitFor(async () => {
      const st = await api.get(`/tasks/${uuid}/snapshot/${first.body.id}`);
      return st.status === 'Success' ? st : null;
    }, 10_000, 'the snapshot');
    expect(done).toMatchObject({ sizeToUpload: 5, transferredSize: 5 }); // "snap\n"
    expect(await keys('snaps')).toEqual(['u/s.txt']);
    // Periodic: every second into the result bucket (the default), with the task's lists.
    expect((await api.call('POST', `/tasks/${uuid}/snapshot/periodic`, { interval: 1, blacklist: 'txt$' })).status).toBe(200);
    await waitFor(async () => (await keys('results-6')).includes('s.log'), 10_000, 'a periodic snapshot');
    expect(await keys('results-6')).toEqual(['s.log']);
    expect((await api.call('POST', `/tasks/${uuid}/abort`)).status).toBe(200);
  });

  it('DELETE with purgeResources and purgeResults deletes those buckets; without, they stay', async () => {
    for (const b of ['purge-in', 'keep-in']) {
      expect((await s3(creds, 'PUT', `/${b}`)).status).toBe(200);
      await put(b, 'f.txt', 'x');
    }
    const purged = await api.task(docker('echo r > r.txt', { resourceBuckets: ['purge-in'], resultBucket: 'purge-out' }));
    const kept = await api.task(docker('echo r > r.txt', { resourceBuckets: ['keep-in'], resultBucket: 'keep-out' }));
    for (const uuid of [purged, kept]) expect((await waitTaskFinal(api, uuid)).state).toBe('Success');
    expect((await api.call('DELETE', `/tasks/${purged}?purgeResources=true&purgeResults=true`)).status).toBe(200);
    expect((await api.call('DELETE', `/tasks/${kept}`)).status).toBe(200);
    for (const b of ['purge-in', 'purge-out']) expect((await s3(creds, 'HEAD', `/${b}`)).status).toBe(404);
    for (const b of ['keep-in', 'keep-out']) expect((await s3(creds, 'HEAD', `/${b}`)).status).toBe(200);
    const pool = await api.call('POST', '/pools', { name: 'pp', profile: 'docker-batch', instanceCount: 1, resourceBuckets: ['keep-in'] });
    expect((await api.call('DELETE', `/pools/${pool.body.uuid}?purgeResources=true`)).status).toBe(200);
    expect((await s3(creds, 'HEAD', '/keep-in')).status).toBe(404);
  });
});

describe('storage state', () => {
  const credsOf = (api: Api): AwsCredentials => ({ endpoint: api.emu.storageUrl, accessKey: DEFAULT_EMAIL, secretKey: api.emu.token });

  it('keeps buckets and objects across a restart with a data directory', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qarnot-test-storage-'));
    const first = await start({ dataDir, token: 'persist' });
    expect((await s3(credsOf(first), 'PUT', '/kept')).status).toBe(200);
    expect((await s3(credsOf(first), 'PUT', '/kept/dir/é.txt', 'survives')).status).toBe(200);
    await first.stop();
    const second = await start({ dataDir, token: 'persist' });
    try {
      const got = await s3(credsOf(second), 'GET', objectPath('kept', 'dir/é.txt'));
      expect(got.text).toBe('survives');
      expect(await second.get('/info')).toMatchObject({ bucketCount: 1, usedQuotaBytesBucket: 8 });
    } finally {
      await second.stop();
    }
  });

  it('--storage-quota: PutObject past it fails with QuotaExceeded; /info reports the real usage', async () => {
    const api = await start({ storageQuotaBytes: 1000 });
    try {
      const c = credsOf(api);
      expect((await s3(c, 'PUT', '/quota')).status).toBe(200);
      expect((await s3(c, 'PUT', '/quota/a', 'x'.repeat(600))).status).toBe(200);
      const over = await s3(c, 'PUT', '/quota/b', 'x'.repeat(600));
      expect(over.status).toBe(403);
      expect(over.text).toContain('<Code>QuotaExceeded</Code>');
      expect((await s3(c, 'PUT', '/quota/a', 'x'.repeat(900))).status).toBe(200); // replacing frees the old size
      expect(await api.get('/info')).toMatchObject({ bucketCount: 1, usedQuotaBytesBucket: 900, quotaBytesBucket: 1000 });
    } finally {
      await api.stop();
    }
  });

  it('accepts aws-chunked bodies (the AWS SDKs\' streaming uploads)', async () => {
    const api = await start();
    try {
      const c = credsOf(api);
      expect((await s3(c, 'PUT', '/chunked')).status).toBe(200);
      const body = '5;chunk-signature=00\r\nhello\r\n0;chunk-signature=00\r\nx-amz-checksum-crc32:NhCmhg==\r\n\r\n';
      const headers = { 'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER', 'content-encoding': 'aws-chunked', 'x-amz-decoded-content-length': '5', 'x-amz-trailer': 'x-amz-checksum-crc32' };
      expect((await s3(c, 'PUT', '/chunked/k', body, headers)).status).toBe(200);
      const got = await s3(c, 'GET', '/chunked/k');
      expect(got.text).toBe('hello');
      expect(got.headers['content-encoding']).toBeUndefined();
      const renamed = await s3(c, 'GET', '/chunked/k?response-content-disposition=attachment%3B%20filename%3Dk.txt');
      expect(renamed.headers['content-disposition']).toBe('attachment; filename=k.txt');
    } finally {
      await api.stop();
    }
  });

  it('--faults applies to storage requests too, as S3 answers them (503 SlowDown)', async () => {
    const api = await start({ faults: '503:0.5,seed:7' });
    try {
      const answers = [];
      for (let i = 0; i < 20; i++) answers.push(await s3(credsOf(api), 'GET', '/'));
      const slow = answers.filter((a) => a.status === 503);
      expect(slow.length).toBeGreaterThan(2);
      expect(slow[0]!.text).toContain('<Code>SlowDown</Code>');
      expect(slow[0]!.headers['retry-after']).toBe('1');
      expect(answers.filter((a) => a.status === 200).length).toBeGreaterThan(2);
      // Counted with the API's requests, faulted ones included.
      expect((await api.get('/_emulator/requests')).byRoute['S3 GET /']).toBe(20);
    } finally {
      await api.stop();
    }
  });

});
