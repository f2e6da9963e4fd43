import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start, type Api } from './helpers.js';

let api: Api;
let poolUuid: string;
let jobUuid: string;
beforeAll(async () => {
  api = await start({ quotas: { maxTask: 1000, maxPool: 3, maxJob: 4 } });
  await api.task({ name: 'taken', shortname: 'taken', profile: 'docker-batch', instanceCount: 1 });
  poolUuid = (await api.call('POST', '/pools', { name: 'p', profile: 'docker-batch', instanceCount: 1, shortname: 'vpool' })).body.uuid;
  jobUuid = (await api.call('POST', '/jobs', { name: 'j' })).body.uuid;
});
afterAll(() => api.stop());

const base = { name: 'v', profile: 'docker-batch', instanceCount: 1 };
const constants = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `K${i}`, value: 'v' }));

const invalidTasks: [string, Record<string, unknown>, RegExp][] = [
  ['missing name', { profile: 'docker-batch', instanceCount: 1 }, /'name'/],
  ['empty name', { ...base, name: '  ' }, /'name'/],
  ['shortname charset', { ...base, shortname: 'a_b' }, /'shortname'/],
  ['shortname leading dash', { ...base, shortname: '-ab' }, /'shortname'/],
  ['shortname trailing dash', { ...base, shortname: 'ab-' }, /'shortname'/],
  ['shortname taken', { ...base, shortname: 'taken' }, /'shortname'.*already exists/],
  ['11 tags', { ...base, tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }, /'tags'/],
  ['tag too long', { ...base, tags: ['x'.repeat(513)] }, /'tags\[0\]'/],
  ['constant key charset', { ...base, constants: [{ key: 'BAD KEY', value: '1' }] }, /'constants\[0\]\.key'/],
  ['151 constants', { ...base, constants: constants(151) }, /'constants'/],
  ['instanceCount and advancedRanges', { ...base, advancedRanges: '0-3' }, /'advancedRanges'/],
  ['instanceCount 0', { ...base, instanceCount: 0 }, /'instanceCount'/],
  ['no instances', { name: 'v', profile: 'docker-batch' }, /'instanceCount'/],
  ['2049 instances', { ...base, instanceCount: 2049 }, /'instanceCount'/],
  ['bad ranges', { name: 'v', profile: 'docker-batch', advancedRanges: '3-1' }, /'advancedRanges'/],
  ['profile and pool', { ...base, poolUuid: 'x' }, /'poolUuid'/],
  ['neither profile nor pool', { name: 'v', instanceCount: 1 }, /'profile'/],
  ['unknown profile', { ...base, profile: 'nope' }, /'profile'/],
  ['unknown pool', { name: 'v', instanceCount: 1, poolUuid: '00000000-0000-0000-0000-000000000000' }, /'poolUuid'/],
  ['both bucket kinds', { ...base, resourceBuckets: ['a'], advancedResourceBuckets: [{ bucketName: 'b' }] }, /'advancedResourceBuckets'/],
  ['bad hardware discriminator', { ...base, hardwareConstraints: [{ discriminator: 'Quantum' }] }, /'hardwareConstraints\[0\]\.discriminator'/],
  ['bad scheduling type', { ...base, schedulingType: 'cheap' }, /'schedulingType'/],
  ['legacy and new retries', { ...base, maxRetriesPerInstance: 2, retrySettings: { maxPerInstanceRetries: 1 } }, /'maxRetriesPerInstance'/],
  ['negative retries', { ...base, retrySettings: { maxTotalRetries: -1 } }, /'retrySettings\.maxTotalRetries'/],
  ['bad completionTimeToLive', { ...base, completionTimeToLive: 'soon' }, /'completionTimeToLive'/],
  ['unknown dependency', { ...base, dependencies: { dependsOn: ['00000000-0000-0000-0000-000000000000'] } }, /'dependencies\.dependsOn\[0\]'/],
  ['unknown job', { ...base, jobUuid: 'nope' }, /'jobUuid'/],
  ['label not a string', { ...base, labels: { a: 1 } }, /'labels\.a'/],
];

describe('task validation', () => {
  it.each(invalidTasks)('rejects %s with 400 naming the field', async (_n, body, re) => {
    const r = await api.call('POST', '/tasks', body);
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(re);
  });

  it('accepts the boundaries', async () => {
    for (const body of [
      { ...base, tags: Array.from({ length: 10 }, (_, i) => 'x'.repeat(512) + i).map((t) => t.slice(0, 512)) },
      { ...base, constants: constants(150) },
      { ...base, shortname: 'a-b-1', constants: [{ key: 'a.b_c-d', value: '' }] },
      { name: 'v', profile: 'docker-batch', instanceCount: 0, advancedRanges: '0-2,5' },
      { ...base, instanceCount: 2048, constants: [] },
      { ...base, schedulingType: 'FLEX', hardwareConstraints: [{ Discriminator: 'mINIMUMcOREhARDWAREcONSTRAINT', CoreCount: 4 }] },
    ]) {
      const r = await api.call('POST', '/tasks', body);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      await api.call('DELETE', `/tasks/${r.body.uuid}`);
    }
  });

  it('refuses hardware constraints on a task in a pool', async () => {
    const r = await api.call('POST', '/tasks', { name: 'v', poolUuid, instanceCount: 1, hardwareConstraints: [{ discriminator: 'GpuHardwareConstraint' }] });
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/'hardwareConstraints'/);
    const ok = await api.call('POST', '/tasks', { name: 'v', poolUuid: 'vpool', instanceCount: 1 });
    expect(ok.status).toBe(200);
    expect((await api.get(`/tasks/${ok.body.uuid}`)).poolUuid).toBe(poolUuid);
  });

  it('keeps shortnames unique per resource type only', async () => {
    expect((await api.call('POST', '/jobs', { name: 'j', shortname: 'taken' })).status).toBe(200);
    expect((await api.call('POST', '/pools', { name: 'p', profile: 'docker-batch', shortname: 'vpool' })).status).toBe(400);
  });

  it('accepts tasks in a job and inherits nothing it does not need', async () => {
    const r = await api.call('POST', '/tasks', { ...base, jobUuid });
    expect(r.status).toBe(200);
    expect((await api.get(`/tasks/${r.body.uuid}`)).jobUuid).toBe(jobUuid);
  });
});

describe('pool and job validation', () => {
  const invalidPools: [string, Record<string, unknown>, RegExp][] = [
    ['missing name', { profile: 'docker-batch' }, /'name'/],
    ['missing profile', { name: 'p' }, /'profile'/],
    ['51 constants', { name: 'p', profile: 'docker-batch', constants: constants(51) }, /'constants'/],
    ['instanceCount 0', { name: 'p', profile: 'docker-batch', instanceCount: 0 }, /'instanceCount'/],
    ['bad scaling', { name: 'p', profile: 'docker-batch', scaling: { policies: [{ type: 'Fixed', slotsCount: -1, enabledPeriods: [{ type: 'Always' }] }] } }, /'scaling\.policies\[0\]/],
    ['bad shortname', { name: 'p', profile: 'docker-batch', shortname: 'x!' }, /'shortname'/],
  ];
  it.each(invalidPools)('rejects a pool with %s', async (_n, body, re) => {
    const r = await api.call('POST', '/pools', body);
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(re);
  });

  it('rejects bad jobs', async () => {
    expect((await api.call('POST', '/jobs', {})).body.message).toMatch(/'name'/);
    expect((await api.call('POST', '/jobs', { name: 'j', maxWallTime: 'long' })).body.message).toMatch(/'maxWallTime'/);
    expect((await api.call('POST', '/jobs', { name: 'j', poolUuid: 'nope' })).body.message).toMatch(/'poolUuid'/);
  });

  it('enforces quotas with 403', async () => {
    const pools = (await api.get('/info')).poolCount;
    for (let i = pools; i < 3; i++) expect((await api.call('POST', '/pools', { name: 'p', profile: 'docker-batch' })).status).toBe(200);
    const p = await api.call('POST', '/pools', { name: 'p', profile: 'docker-batch' });
    expect(p.status).toBe(403);
    expect(p.body.message).toBe('Maximum number of pools reached');
    const jobs = (await api.get('/info')).jobCount;
    for (let i = jobs; i < 4; i++) expect((await api.call('POST', '/jobs', { name: 'j' })).status).toBe(200);
    const j = await api.call('POST', '/jobs', { name: 'j' });
    expect(j.status).toBe(403);
    expect(j.body.message).toBe('Maximum number of jobs reached');
    const info = await api.get('/info');
    expect(info.poolCount).toBe(3);
    expect(info.jobCount).toBe(4);
  });
});

describe('task quota', () => {
  it('answers 403 Maximum number of tasks reached', async () => {
    const small = await start({ quotas: { maxTask: 2 } });
    try {
      await small.task(base);
      await small.task(base);
      const r = await small.call('POST', '/tasks', base);
      expect(r.status).toBe(403);
      expect(r.body.message).toBe('Maximum number of tasks reached');
      const bulk = await small.call('POST', '/tasks', [base]);
      expect(bulk.body[0]).toEqual({ statusCode: 403, uuid: null, message: 'Maximum number of tasks reached' });
    } finally {
      await small.stop();
    }
  });
});
