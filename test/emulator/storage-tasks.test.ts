// Real data in instances: resources staged before they run, results uploaded after.
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
});
