import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker, start, waitFor, waitTaskFinal, type Api } from './helpers.js';

let api: Api;
beforeAll(async () => {
  api = await start();
});
afterAll(() => api.stop());

async function readyPool(body: Record<string, unknown> = {}): Promise<string> {
  const r = await api.call('POST', '/pools', { name: 'pool', profile: 'docker-batch', instanceCount: 2, ...body });
  expect(r.status).toBe(200);
  expect(r.headers.location).toBe(`${api.emu.url}/pools/${r.body.uuid}`);
  await waitFor(async () => (await api.get(`/pools/${r.body.uuid}`)).state === 'FullyExecuting', 10_000, 'pool ready');
  return r.body.uuid;
}

const policies = [
  { type: 'ManagedTasksQueue', name: 'evening', minTotalSlots: 0, maxTotalSlots: 10, minIdleSlots: 1, minIdleTimeSeconds: 90, scalingFactor: 0.5,
    enabledPeriods: [{ type: 'Weekly', name: 'never', days: ['Monday'], startTimeUtc: '00:00:00', endTimeUtc: '00:00:00.0000001' }] },
  { type: 'Fixed', name: 'default', slotsCount: 2, enabledPeriods: [{ type: 'Always', name: null }] },
];

describe('pools', () => {
  it('goes Submitted → FullyExecuting and returns the full PoolOutput', async () => {
    const r = await api.call('POST', '/pools', { Name: 'p', Profile: 'docker-batch', InstanceCount: 3, Tags: ['x'], Constants: [{ Key: 'A', Value: 'b' }] });
    const p0 = await api.get(`/pools/${r.body.uuid}`);
    expect(['Submitted', 'FullyDispatched', 'FullyExecuting']).toContain(p0.state);
    const p = await waitFor(async () => {
      const x = await api.get(`/pools/${r.body.uuid}`);
      return x.state === 'FullyExecuting' ? x : null;
    });
    for (const k of ['elasticProperty', 'scaling', 'preparationTask', 'constants', 'status', 'totalSlotCapacity', 'queuedOrRunningTaskInstancesCount', 'defaultRetrySettings']) {
      expect(p, k).toHaveProperty(k);
    }
    expect(p.instanceCount).toBe(3);
    expect(p.constants).toEqual([{ key: 'A', value: 'b' }]);
    expect(p.previousState).toBe('FullyDispatched');
    const sum = await api.get('/pools/summaries');
    expect(sum.find((s: { uuid: string }) => s.uuid === p.uuid)).not.toHaveProperty('status');
  });

  it('runs at most instanceCount instances at once across its tasks', async () => {
    const pool = await readyPool({ instanceCount: 2, constants: [{ key: 'DOCKER_CMD', value: 'sleep 0.8' }] });
    const t1 = await api.task({ name: 'a', poolUuid: pool, instanceCount: 3 });
    const t2 = await api.task({ name: 'b', poolUuid: pool, instanceCount: 2 });
    let max = 0;
    let sawQueue = false;
    await waitFor(async () => {
      const p = await api.get(`/pools/${pool}`);
      max = Math.max(max, p.runningInstanceCount);
      if (p.queuedOrRunningTaskInstancesCount > p.runningInstanceCount) sawQueue = true;
      const [a, b] = await Promise.all([api.get(`/tasks/${t1}`), api.get(`/tasks/${t2}`)]);
      return a.state === 'Success' && b.state === 'Success';
    }, 15_000, 'pool tasks');
    expect(max).toBeLessThanOrEqual(2);
    expect(max).toBe(2);
    expect(sawQueue).toBe(true);
    const tasks = await api.get(`/pools/${pool}/tasks`);
    expect(tasks.map((t: { uuid: string }) => t.uuid)).toEqual([t1, t2]);
  });

  it('queues tasks submitted before the pool is ready', async () => {
    const r = await api.call('POST', '/pools', { name: 'p', profile: 'docker-batch', instanceCount: 1 });
    const t = await api.task({ name: 'early', poolUuid: r.body.uuid, instanceCount: 1, waitForPoolResourcesSynchronization: true });
    expect((await api.get(`/tasks/${t}`)).state).toBe('Submitted');
    expect((await waitTaskFinal(api, t)).state).toBe('Success');
  });

  it('close cancels running tasks and ends Closed; DELETE removes', async () => {
    const pool = await readyPool();
    const t = await api.task(docker('sleep 30', { profile: undefined, poolUuid: pool }));
    await waitFor(async () => (await api.get(`/tasks/${t}`)).state === 'FullyExecuting');
    expect((await api.call('POST', `/pools/${pool}/close`)).status).toBe(200);
    const closing = await api.get(`/pools/${pool}`);
    expect(['Closing', 'Closed']).toContain(closing.state);
    expect((await waitTaskFinal(api, t)).state).toBe('Cancelled');
    await waitFor(async () => (await api.get(`/pools/${pool}`)).state === 'Closed');
    expect((await api.call('POST', '/tasks', { name: 'late', poolUuid: pool, instanceCount: 1 })).status).toBe(400);
    expect((await api.call('DELETE', `/pools/${pool}`)).status).toBe(200);
    expect((await api.call('GET', `/pools/${pool}`)).status).toBe(404);
  });

  it('deletes a closed pool completionTimeToLive after it closed when autoDeleteOnCompletion is set', async () => {
    const kept = await readyPool();
    const auto = await readyPool({ autoDeleteOnCompletion: true, completionTimeToLive: '00:00:01' });
    for (const pool of [kept, auto]) expect((await api.call('POST', `/pools/${pool}/close`)).status).toBe(200);
    await waitFor(async () => (await api.get(`/pools/${auto}`)).state === 'Closed');
    const closedAt = Date.parse((await api.get(`/pools/${auto}`)).endDate);
    await waitFor(async () => (await api.call('GET', `/pools/${auto}`)).status === 404, 10_000, 'auto-deleted pool');
    expect(Date.now() - closedAt).toBeGreaterThanOrEqual(1000);
    expect((await api.get(`/pools/${kept}`)).state).toBe('Closed');
  });

  it('stores scaling policies: GET/PUT scaling, activePolicyName, PUT pool', async () => {
    const pool = await readyPool({ scaling: { Policies: policies } });
    const s = await api.get(`/pools/${pool}/scaling`);
    expect(s.activePolicyName).toBe('default');
    expect(s.policies).toHaveLength(2);
    expect(s.policies[0].enabledPeriods[0].days).toEqual(['monday']);
    expect((await api.get(`/pools/${pool}`)).scaling.activePolicyName).toBe('default');
    const put = await api.call('PUT', `/v1/pools/${pool}/scaling`, { Policies: [{ Type: 'fixed', Name: 'only', SlotsCount: 1, EnabledPeriods: [{ Type: 'always' }] }] });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({});
    expect((await api.get(`/pools/${pool}/scaling`)).activePolicyName).toBe('only');
    const bad = await api.call('PUT', `/pools/${pool}/scaling`, { policies: [{ type: 'Fixed', slotsCount: 1, enabledPeriods: [] }] });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors)).toEqual(['policies[0].name', 'policies[0].enabledPeriods']);
    expect((await api.call('PUT', `/pools/${pool}`, { constants: [{ key: 'K', value: 'v' }], tags: ['t'], elasticProperty: { isElastic: true } })).status).toBe(200);
    const p = await api.get(`/pools/${pool}`);
    expect(p).toMatchObject({ constants: [{ key: 'K', value: 'v' }], tags: ['t'], elasticProperty: { isElastic: true } });
    expect((await api.call('PATCH', `/pools/${pool}`)).status).toBe(200);
    const clone = await api.call('POST', `/pools/${pool}/clone`, { name: 'cloned' });
    expect(clone.status).toBe(200);
    const c = await api.get(`/pools/${clone.body.uuid}`);
    expect(c).toMatchObject({ name: 'cloned', instanceCount: 2, tags: ['t'] });
    expect(c.scaling.activePolicyName).toBe('only');
  });
});

describe('scaling sanity check', () => {
  it('accepts a valid input', async () => {
    const r = await api.call('POST', '/sanity-checks/pools/scaling', { policies });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({});
    expect((await api.call('POST', '/v1/sanity-checks/pools/scaling', { policies: [] })).status).toBe(200);
  });

  it('lists every problem keyed by its JSON path', async () => {
    const r = await api.call('POST', '/sanity-checks/pools/scaling', {
      policies: [
        { type: 'Fixed', name: 'a', slotsCount: -1, enabledPeriods: [{ type: 'Always' }] },
        { type: 'ManagedTasksQueue', name: 'a', minTotalSlots: 5, maxTotalSlots: 2, minIdleSlots: -1, minIdleTimeSeconds: -3, scalingFactor: 1.5,
          enabledPeriods: [{ type: 'Weekly', days: ['Funday', 'TUESDAY'], startTimeUtc: '10:00:00', endTimeUtc: '09:00:00' },
                           { type: 'Weekly', days: [], startTimeUtc: '25:00:00', endTimeUtc: 'noon' }, { type: 'Monthly' }] },
        { type: 'Elastic', enabledPeriods: [{ type: 'Always' }] },
        { type: 'Fixed', name: 'c', slotsCount: 1 },
      ],
    });
    expect(r.status).toBe(400);
    expect(r.headers['content-type']).toMatch(/problem\+json/);
    expect(r.body).toMatchObject({ type: null, title: 'Model validation error', status: 400 });
    expect(r.body.detail).toMatch(/policies\[0\]\.slotsCount/);
    expect(Object.keys(r.body.errors).sort()).toEqual(
      [
        'policies[0].slotsCount',
        'policies[1].name',
        'policies[1].maxTotalSlots',
        'policies[1].minIdleSlots',
        'policies[1].minIdleTimeSeconds',
        'policies[1].scalingFactor',
        'policies[1].enabledPeriods[0].days[0]',
        'policies[1].enabledPeriods[0].endTimeUtc',
        'policies[1].enabledPeriods[1].days',
        'policies[1].enabledPeriods[1].startTimeUtc',
        'policies[1].enabledPeriods[1].endTimeUtc',
        'policies[1].enabledPeriods[2].type',
        'policies[2].name',
        'policies[2].type',
        'policies[3].enabledPeriods',
      ].sort(),
    );
    for (const v of Object.values(r.body.errors)) expect((v as string[])[0]).toEqual(expect.any(String));
  });
});

describe('jobs', () => {
  it('terminate cancels running tasks and completes the job', async () => {
    const j = await api.call('POST', '/jobs', { Name: 'job', Shortname: 'job-term', Tags: ['jt'] });
    expect(j.status).toBe(200);
    const job = await api.get('/jobs/job-term');
    expect(job).toMatchObject({ uuid: j.body.uuid, state: 'Active', useDependencies: false, maxWallTime: '00:00:00', tags: ['jt'] });
    const t = await api.task(docker('sleep 30', { jobUuid: j.body.uuid }));
    await waitFor(async () => (await api.get(`/tasks/${t}`)).state === 'FullyExecuting');
    expect((await api.call('POST', `/jobs/${j.body.uuid}/terminate`)).status).toBe(200);
    expect((await waitTaskFinal(api, t)).state).toBe('Cancelled');
    await waitFor(async () => (await api.get(`/jobs/${j.body.uuid}`)).state === 'Completed');
    expect((await api.call('POST', '/tasks', docker('true', { jobUuid: j.body.uuid }))).status).toBe(400);
  });

  it('DELETE needs ?force=true when the job has tasks', async () => {
    const j = (await api.call('POST', '/jobs', { name: 'j' })).body.uuid;
    const t = await api.task(docker('true', { jobUuid: j }));
    const r = await api.call('DELETE', `/jobs/${j}`);
    expect(r.status).toBe(403);
    expect(r.body.message).toMatch(/force/);
    expect((await api.call('DELETE', `/jobs/${j}?force=True`)).status).toBe(200);
    expect((await api.call('GET', `/jobs/${j}`)).status).toBe(404);
    expect((await api.call('GET', `/tasks/${t}`)).status).toBe(404);
    const empty = (await api.call('POST', '/jobs', { name: 'empty' })).body.uuid;
    expect((await api.call('DELETE', `/v1/jobs/${empty}`)).status).toBe(200);
  });

  it('deletes a completed job and its tasks completionTimeToLive after it completed when autoDeleteOnCompletion is set', async () => {
    const kept = (await api.call('POST', '/jobs', { name: 'kept' })).body.uuid;
    const auto = (await api.call('POST', '/jobs', { name: 'auto', autoDeleteOnCompletion: true, completionTimeToLive: '00:00:00.5' })).body.uuid;
    const t = await api.task(docker('true', { jobUuid: auto }));
    for (const job of [kept, auto]) expect((await api.call('POST', `/jobs/${job}/terminate`)).status).toBe(200);
    await waitFor(async () => (await api.get(`/jobs/${auto}`)).state === 'Completed');
    const completedAt = Date.parse((await api.get(`/jobs/${auto}`)).endDate);
    await waitFor(async () => (await api.call('GET', `/jobs/${auto}`)).status === 404, 10_000, 'auto-deleted job');
    expect(Date.now() - completedAt).toBeGreaterThanOrEqual(500);
    expect((await api.call('GET', `/tasks/${t}`)).status).toBe(404);
    expect((await api.get(`/jobs/${kept}`)).state).toBe('Completed');
  });

  it('enforces maxWallTime', async () => {
    const j = (await api.call('POST', '/jobs', { name: 'short', maxWallTime: '00:00:00.5' })).body.uuid;
    const t = await api.task(docker('sleep 30', { jobUuid: j }));
    const tt = await waitTaskFinal(api, t);
    expect(tt.state).toBe('Cancelled');
    expect(tt.errors[0].message).toMatch(/maxWallTime/);
    await waitFor(async () => (await api.get(`/jobs/${j}`)).state === 'Completed');
  });

  it('lists jobs of a pool and runs job tasks on the job pool', async () => {
    const pool = await readyPool();
    const j = (await api.call('POST', '/jobs', { name: 'pj', poolUuid: pool })).body.uuid;
    const t = await api.task({ name: 'in-job', jobUuid: j, instanceCount: 1 });
    expect((await api.get(`/tasks/${t}`)).poolUuid).toBe(pool);
    expect((await api.get(`/pools/${pool}/jobs`)).map((x: { uuid: string }) => x.uuid)).toEqual([j]);
    expect((await waitTaskFinal(api, t)).state).toBe('Success');
  });
});
