import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import {
  SDK_ACTIVE_FORWARD_KEYS,
  SDK_ADVANCED_DEPENDENCY_KEYS,
  SDK_JOB_KEYS,
  SDK_POOL_KEYS,
  SDK_RUNNING_INSTANCE_KEYS,
  SDK_STATUS_KEYS,
  SDK_TASK_DEPENDENCY_KEYS,
  SDK_TASK_KEYS,
} from '../fixtures/sdk-keys.js';
import { docker, start, waitFor, waitTaskFinal, type Api, type Loose } from './helpers.js';

let api: Api;
beforeAll(async () => {
  api = await start();
});
afterAll(async () => {
  await api.stop();
});

const missing = (obj: Loose, keys: readonly string[]) => keys.filter((k) => !(k in obj) || obj[k] === undefined);

describe('objects carry every key the SDKs read', () => {
  it('task, pool and job, with their nested objects', async () => {
    const a = await api.task(docker('true'));
    const t = await api.task(docker('sleep 5', { dependencies: { advancedDependsOn: [{ taskUuid: a, taskFinalStateCondition: ['success'] }] } }));
    const pool = (await api.call('POST', '/pools', { name: 'p', profile: 'docker-batch', instanceCount: 1 })).body.uuid;
    const job = (await api.call('POST', '/jobs', { name: 'j' })).body.uuid;
    const running = await waitFor(async () => {
      const x = await api.get(`/tasks/${t}`);
      return x.status.runningInstancesInfo.perRunningInstanceInfo.length ? x : null;
    });
    expect(missing(running, SDK_TASK_KEYS)).toEqual([]);
    expect(missing(running.status, SDK_STATUS_KEYS)).toEqual([]);
    expect(missing(running.status.runningInstancesInfo.perRunningInstanceInfo[0], SDK_RUNNING_INSTANCE_KEYS)).toEqual([]);
    expect(missing(running.dependencies, SDK_TASK_DEPENDENCY_KEYS)).toEqual([]);
    expect(missing(running.dependencies.advancedDependsOn[0], SDK_ADVANCED_DEPENDENCY_KEYS)).toEqual([]);
    expect(missing(await api.get(`/pools/${pool}`), SDK_POOL_KEYS)).toEqual([]);
    expect(missing(await api.get(`/jobs/${job}`), SDK_JOB_KEYS)).toEqual([]);
    // Collections are never null where the SDKs iterate them.
    for (const k of ['constants', 'constraints', 'tags', 'forcedConstants', 'forcedNetworkRules', 'errors', 'completedInstances', 'resourceBuckets', 'hardwareConstraints']) {
      expect(Array.isArray(running[k]), k).toBe(true);
    }
    const types: Record<string, string> = {
      uuid: 'string', name: 'string', state: 'string', schedulingType: 'string', completionTimeToLive: 'string', creationDate: 'string',
      instanceCount: 'number', maxRetriesPerInstance: 'number', resultsCount: 'number', snapshotInterval: 'number', defaultResourcesCacheTTLSec: 'number',
      autoDeleteOnCompletion: 'boolean', privileges: 'object', retrySettings: 'object', secretsAccessRights: 'object', labels: 'object', status: 'object',
    };
    for (const [k, type] of Object.entries(types)) expect(typeof running[k], k).toBe(type);
    for (const k of ['maxTimeQueueSeconds', 'targetedReservationName', 'projectUuid', 'resultsCacheTTLSec', 'targetedReservedMachineKey']) expect(running[k], k).toBeNull();
    await api.call('POST', `/tasks/${t}/abort`);
  });
});

describe('advanced dependencies', () => {
  it('releases a dependent on the condition, cancels it otherwise, and reports both states', async () => {
    const failing = await api.task(docker('exit 3'));
    const onFailure = await api.task(docker('true', { dependencies: { advancedDependsOn: [{ taskUuid: failing, taskFinalStateCondition: ['failure'] }] } }));
    const onSuccess = await api.task(docker('true', { dependencies: { advancedDependsOn: [{ taskUuid: failing, taskFinalStateCondition: ['success', 'cancelled'] }] } }));
    expect((await api.get(`/tasks/${onFailure}`)).dependencies.state).toBe('waiting');
    const ran = await waitTaskFinal(api, onFailure);
    expect(ran.state).toBe('Success');
    expect(ran.dependencies.state).toBe('dependencyConditionsFulfilled');
    expect(ran.dependencies.advancedDependsOn[0]).toMatchObject({ actualFinalState: 'failure', state: 'dependencyConditionsFulfilled' });
    const skipped = await waitTaskFinal(api, onSuccess);
    expect(skipped.state).toBe('Cancelled');
    expect(skipped.dependencies.state).toBe('dependencyConditionsNotFulfilled');
  });
});

describe('carbon facts and credits', () => {
  it('derive from the run time, in the OpenAPI spelling', async () => {
    const t = await api.task(docker('sleep 0.3'));
    await waitTaskFinal(api, t);
    const facts = await api.get(`/carbon/v1/tasks/${t}/carbon-facts?comparisonDatacenter=french_dc`);
    expect(facts.comparisonDataCenterName).toBe('Common French Datacenter');
    expect(facts.totalEnergyITWh).toBeGreaterThan(0);
    expect(facts.totalConsumedEnergyWh).toBeGreaterThanOrEqual(facts.totalEnergyITWh);
    for (const k of ['pue', 'ere', 'erf', 'wue', 'carbonFootprintC02Eq', 'savedCarbonFootprintPercentage']) expect(typeof facts[k], k).toBe('number');
    expect((await api.call('GET', `/carbon/v1/tasks/${t}/carbon-facts?comparisonDatacenter=moon`)).status).toBe(400);
    expect((await api.call('GET', '/carbon/v1/tasks/00000000-0000-4000-8000-000000000000/carbon-facts')).status).toBe(404);
    const credits = await api.get(`/credits/v1/tasks/${t}/credits`);
    expect(credits.credits).toBeGreaterThan(0);
    expect((await api.get('/credits/v1/accounts/credits')).credits).toBeLessThan(1000);
  });

  it('serves projects in /info and their budgets, active only on request', async () => {
    const info = await api.get('/info');
    expect(info.projects.map((p: Loose) => p.slug)).toEqual(['default', 'research']);
    expect(info.computingQuotas.organization.flex.maxInstances).toBeGreaterThan(0);
    const uuid = info.projects[0].uuid;
    const all = (await api.get(`/credits/v1/projects/${uuid}/budgets?activeOnly=False`)).budgets;
    const active = (await api.get(`/credits/v1/projects/${uuid}/budgets?activeOnly=True`)).budgets;
    expect(all).toHaveLength(2);
    expect(active).toHaveLength(1);
    expect(Object.keys(active[0]).sort()).toEqual(
      ['alias', 'budgetOverrunPolicy', 'consumedAmountInCents', 'expirationDateUtc', 'isArchived', 'remainingAmountInCents', 'startDateUtc', 'totalAmountInCents', 'uuid'],
    );
    expect((await api.call('GET', '/credits/v1/projects/00000000-0000-4000-8000-000000000000/budgets')).status).toBe(404);
    expect((await api.get('/quotas/computing-quotas/user')).flex).toHaveProperty('runningCoresCount');
    expect((await api.get('/quotas/computing-quotas/organization')).runningCountsPerUser).toBeTypeOf('object');
    expect((await api.call('POST', '/tasks', docker('true', { projectUuid: '00000000-0000-4000-8000-000000000000' }))).status).toBe(400);
  });
});

describe('secrets', () => {
  it('creates (409 twice), reads, updates, lists by folder and deletes (404 after)', async () => {
    expect((await api.call('PUT', '/secrets-manager/data/db/password', { Value: 's3cret' })).status).toBe(200);
    expect((await api.call('PUT', '/secrets-manager/data/db/password', { Value: 'x' })).status).toBe(409);
    await api.call('PUT', '/secrets-manager/data/db/replica/password', { value: 'r' });
    await api.call('PUT', '/secrets-manager/data/top', { value: 't' });
    expect((await api.get('/secrets-manager/data/db/password')).value).toBe('s3cret');
    expect((await api.call('PATCH', '/secrets-manager/data/db/password', { value: 'new' })).status).toBe(200);
    expect((await api.get('/secrets-manager/data/db/password')).value).toBe('new');
    expect((await api.get('/secrets-manager/search/')).keys).toEqual(['db/', 'top']);
    expect((await api.get('/secrets-manager/search/db')).keys).toEqual(['password', 'replica/']);
    expect((await api.call('PATCH', '/secrets-manager/data/nope', { value: 'x' })).status).toBe(404);
    expect((await api.call('DELETE', '/secrets-manager/data/top')).status).toBe(200);
    expect((await api.call('DELETE', '/secrets-manager/data/top')).status).toBe(404);
  });

  it('gives an instance the secrets its task was granted, in its environment', async () => {
    await api.call('PUT', '/secrets-manager/data/app/token', { value: 'tok-1' });
    await api.call('PUT', '/secrets-manager/data/other', { value: 'hidden' });
    const t = await api.task(
      docker('echo "[$QARNOT_SECRET__app_token][$QARNOT_SECRET__other]"', { secretsAccessRights: { bySecret: [], byPrefix: [{ prefix: 'app/' }] } }),
    );
    await waitTaskFinal(api, t);
    expect((await api.call('GET', `/tasks/${t}/stdout`)).text).toContain('[tok-1][]');
  });
});

describe('port forwards', () => {
  it('gives each inbound rule a loopback port the instance listens on, reported in activeForwards', async () => {
    const server = `node -e "require('net').createServer(s=>s.end('hello from 8080')).listen(+process.env.QARNOT_FORWARD_PORT_8080,'127.0.0.1')"`;
    const t = await api.task(docker(server, { forcedNetworkRules: [{ inbound: true, proto: 'tcp', port: '8080', name: 'web', applicationType: 'http' }] }));
    const forward = await waitFor(async () => (await api.get(`/tasks/${t}`)).status.runningInstancesInfo.perRunningInstanceInfo[0]?.activeForwards[0]);
    expect(Object.keys(forward).sort()).toEqual([...SDK_ACTIVE_FORWARD_KEYS].sort());
    expect(forward.applicationPort).toBe(8080);
    expect((await api.get(`/network/tasks/${t}/port-forward`))[0]).toMatchObject({ instanceId: 0, forwarderPort: forward.forwarderPort });
    const reply = await waitFor(() =>
      new Promise<string>((resolve) => {
        let data = '';
        const socket = connect(forward.forwarderPort, forward.forwarderHost);
        socket.on('data', (d) => (data += d.toString()));
        socket.on('end', () => resolve(data));
        socket.on('error', () => resolve(''));
      }),
    );
    expect(reply).toBe('hello from 8080');
    await api.call('POST', `/tasks/${t}/abort`);
    expect((await api.call('POST', '/tasks', docker('true', { forcedNetworkRules: [{ proto: 'tcp' }] }))).status).toBe(400);
  });
});

describe('pool slots and queue time', () => {
  it('multiSlotsSettings.slotsPerNode runs that many instances per node; maxTimeQueueSeconds cancels what waited too long', async () => {
    const pool = (await api.call('POST', '/pools', { name: 'dense', profile: 'docker-batch', instanceCount: 1, multiSlotsSettings: { slotsPerNode: 2 } })).body.uuid;
    expect((await api.get(`/pools/${pool}`)).totalSlotCapacity).toBe(2);
    const busy = await api.task({ ...docker('sleep 5'), profile: undefined, poolUuid: pool, instanceCount: 2 });
    await waitFor(async () => (await api.get(`/tasks/${busy}`)).runningInstanceCount === 2);
    const queued = await api.task({ ...docker('true'), profile: undefined, poolUuid: pool, maxTimeQueueSeconds: 1 });
    const ended = await waitTaskFinal(api, queued);
    expect(ended.state).toBe('Cancelled');
    expect(ended.errors.map((e: Loose) => e.code)).toContain('EMU-MAX-QUEUE-TIME');
    expect((await api.call('POST', '/pools', { name: 'x', profile: 'docker-batch', multiSlotsSettings: { slotsPerNode: 0 } })).status).toBe(400);
    await api.call('POST', `/pools/${pool}/close`);
  });
});

describe('deprecated restart', () => {
  it('creates a new task from the old one, as clone does', async () => {
    const t = await api.task(docker('true', { name: 'to-restart' }));
    const r = await api.call('POST', `/tasks/${t}/restart`);
    expect(r.status).toBe(200);
    expect(r.body.uuid).not.toBe(t);
    expect((await api.get(`/tasks/${r.body.uuid}`)).name).toBe('to-restart');
  });
});
