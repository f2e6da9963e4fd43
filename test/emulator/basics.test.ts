import { request } from 'undici';
import { request as httpRequest, type ClientRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker, start, waitFor, waitTaskFinal, type Api } from './helpers.js';

let api: Api;
beforeAll(async () => {
  api = await start();
});
afterAll(() => api.stop());

describe('transport', () => {
  it('requires the raw token, except for /settings and /versions', async () => {
    const noAuth = await request(`${api.emu.url}/info`);
    expect(noAuth.statusCode).toBe(401);
    expect(((await noAuth.body.json()) as { message: string }).message).toMatch(/Authorization/);
    const wrong = await api.call('GET', '/v1/info', undefined, { authorization: 'nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.message).toBeTruthy();
    const bearer = await api.call('GET', '/info', undefined, { authorization: `Bearer ${api.emu.token}` });
    expect(bearer.status).toBe(401);
    for (const p of ['/settings', '/v1/settings', '/versions', '/v1/versions']) {
      const r = await request(api.emu.url + p);
      expect(r.statusCode).toBe(200);
      await r.body.json();
    }
    expect((await api.call('GET', '/_emulator/requests', undefined, { authorization: 'x' })).status).toBe(401);
  });

  it('serves every route with and without /v1', async () => {
    for (const p of ['/', '/info', '/profiles', '/status', '/tasks', '/pools', '/jobs', '/tasks/summaries', '/pools/summaries']) {
      expect((await api.call('GET', p)).status, p).toBe(200);
      expect((await api.call('GET', `/v1${p === '/' ? '' : p}`)).status, `/v1${p}`).toBe(200);
    }
    const st = await api.get('/status');
    expect(st.status).toBe('ok');
  });

  it('answers 404 with a message for unknown routes and resources', async () => {
    const r = await api.call('GET', '/xyz');
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ message: 'No route for GET /xyz' });
    const t = await api.call('GET', '/tasks/00000000-0000-0000-0000-000000000000');
    expect(t.status).toBe(404);
    expect(t.body.message).toMatch(/Task not found/);
    expect((await api.call('GET', '/pools/nope')).status).toBe(404);
    expect((await api.call('GET', '/jobs/nope')).status).toBe(404);
    expect((await api.call('POST', '/tasks/nope/abort')).status).toBe(404);
    expect((await api.call('GET', '/profiles/nope')).status).toBe(404);
  });

  it('rejects invalid JSON', async () => {
    const r = await api.call('POST', '/tasks', '{not json');
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/JSON/);
  });
});

describe('user, profiles, hardware', () => {
  it('reports /info with real counts and quotas', async () => {
    const before = await api.get('/info');
    expect(before.email).toBe('emulator@qarnot.local');
    expect(before.maxTask).toBe(20000);
    expect(before.maxPool).toBe(500);
    expect(before.maxJob).toBe(500);
    await api.task(docker('true'));
    const after = await api.get('/info');
    expect(after.taskCount).toBe(before.taskCount + 1);
    expect(after.computingQuotas.user.flex).toBeDefined();
  });

  it('lists profiles and details', async () => {
    const names = await api.get('/profiles');
    expect(names).toEqual(expect.arrayContaining(['docker-batch', 'ubuntu']));
    const p = await api.get('/profiles/docker-batch');
    expect(p.name).toBe('docker-batch');
    expect(p.licenses).toEqual([]);
    expect(p.constants.map((c: { name: string }) => c.name)).toEqual(['DOCKER_REPO', 'DOCKER_TAG', 'DOCKER_CMD']);
    expect(p.constants[0]).toHaveProperty('description');
  });

  it('pages hardware constraints and searches cpu models', async () => {
    const all = await api.get('/hardware-constraints');
    expect(all.offset).toBe(0);
    expect(all.limit).toBe(50);
    expect(all.data.length).toBe(all.total);
    const page = await api.get('/hardware-constraints?Limit=2&Offset=1');
    expect(page.data).toEqual(all.data.slice(1, 3));
    expect((await api.get('/hardware-constraints?limit=500')).limit).toBe(50);
    const found = await api.get('/hardware-constraints/cpu-model-constraints/search?cpuModel=ryzen');
    expect(found.length).toBeGreaterThan(0);
    expect(found[0].discriminator).toBe('CpuModelHardwareConstraint');
    expect((await api.call('GET', '/hardware-constraints/cpu-model-constraints/search')).status).toBe(400);
    expect((await api.call('GET', '/hardware-constraints/cpu-model-constraints/search?cpuModel=zzz')).status).toBe(404);
  });
});

describe('creation', () => {
  it('answers 200 {uuid} with a Location header and full camelCase output', async () => {
    const r = await api.call('POST', '/v1/tasks', docker('true', { shortname: 'loc-test', tags: ['a'] }));
    expect(r.status).toBe(200);
    expect(r.headers.location).toBe(`${api.emu.url}/v1/tasks/${r.body.uuid}`);
    const t = await api.get(`/tasks/${r.body.uuid}`);
    for (const k of ['status', 'completedInstances', 'errors', 'constants', 'advancedRanges', 'totalInstanceCount', 'dependencies', 'retrySettings', 'creationDate', 'snapshotInterval', 'labels', 'privileges']) {
      expect(t, k).toHaveProperty(k);
    }
    expect(t.shortname).toBe('loc-test');
    expect((await api.get('/tasks/loc-test')).uuid).toBe(r.body.uuid);
    expect((await api.get('/v1/tasks/loc-test')).uuid).toBe(r.body.uuid);
  });

  it('binds PascalCase bodies (nested too) and case-insensitive enums', async () => {
    const uuid = await api.task({
      Name: 'pascal',
      Profile: 'DOCKER-BATCH',
      InstanceCount: 2,
      Constants: [{ Key: 'DOCKER_CMD', Value: 'echo $FOO' }, { Key: 'FOO', Value: 'bar-${INSTANCE_ID}' }],
      Tags: ['P'],
      SchedulingType: 'OnDemand',
      RetrySettings: { MaxPerInstanceRetries: 1, MaxTotalRetries: 3 },
      Labels: { MyLabel: 'v' },
    });
    const t = await waitTaskFinal(api, uuid);
    expect(t.name).toBe('pascal');
    expect(t.profile).toBe('docker-batch');
    expect(t.schedulingType).toBe('onDemand');
    expect(t.retrySettings).toEqual({ maxTotalRetries: 3, maxPerInstanceRetries: 1 });
    expect(t.labels).toEqual({ MyLabel: 'v' });
    expect(t.constants).toContainEqual({ key: 'FOO', value: 'bar-${INSTANCE_ID}' });
    expect(t.state).toBe('Success');
    const out = await api.call('GET', `/tasks/${uuid}/stdout`);
    expect(out.text.split('\n').filter(Boolean).sort()).toEqual(['0> bar-0', '1> bar-1']);
  });

  it('accepts a bulk array: 207 with per-item results in order', async () => {
    const r = await api.call('POST', '/tasks', [docker('true', { name: 'b1' }), { profile: 'docker-batch', instanceCount: 1 }, docker('true', { name: 'b3' })]);
    expect(r.status).toBe(207);
    expect(r.body).toHaveLength(3);
    expect(r.body[0]).toMatchObject({ statusCode: 200, message: null });
    expect(r.body[1]).toMatchObject({ statusCode: 400, uuid: null });
    expect(r.body[1].message).toMatch(/name/);
    expect(r.body[2].statusCode).toBe(200);
    expect((await api.get(`/tasks/${r.body[2].uuid}`)).name).toBe('b3');
  });

  it('filters list GETs by ?tag=', async () => {
    await api.task(docker('true', { name: 'tagged1', tags: ['red'] }));
    await api.task(docker('true', { name: 'tagged2', tags: ['blue'] }));
    const red = await api.get('/tasks?tag=red');
    expect(red.map((t: { name: string }) => t.name)).toEqual(['tagged1']);
    const both = await api.get('/tasks/summaries?tag=red&tag=blue');
    expect(both.map((t: { name: string }) => t.name).sort()).toEqual(['tagged1', 'tagged2']);
    const comma = await api.get('/tasks?tag=red,blue');
    expect(comma).toHaveLength(2);
    expect(both[0]).not.toHaveProperty('status');
  });
});

describe('request counter', () => {
  it('counts requests by route template, excluding /_emulator', async () => {
    await api.call('POST', '/_emulator/reset-counters');
    const uuid = await api.task(docker('true'));
    await api.get(`/tasks/${uuid}`);
    await api.get(`/v1/tasks/${uuid}`);
    await api.call('GET', '/nothing-here');
    const c = await api.get('/_emulator/requests');
    expect(c.total).toBe(4);
    expect(c.byRoute['GET /tasks/{uuid}']).toBe(2);
    expect(c.byRoute['POST /tasks']).toBe(1);
    expect(c.maxInFlight).toBeGreaterThanOrEqual(1);
    expect(c.inFlight).toBe(0);
    await waitFor(async () => (await api.get(`/tasks/${uuid}`)).state === 'Success');
  });
});

describe('request bodies', () => {
  // Answers to a POST /tasks whose body is still being sent: the status, or the transport error.
  const postTasks = (headers: Record<string, string>, send: (req: ClientRequest) => void) =>
    new Promise<number | string>((resolve) => {
      const req = httpRequest(`${api.emu.url}/tasks`, { method: 'POST', headers: { authorization: api.emu.token, 'content-type': 'application/json', ...headers } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', (e) => resolve(e.message));
      send(req);
    });

  it('answers 413, not a reset, to a body declared over the limit, before reading it', async () => {
    expect(await postTasks({ 'content-length': String(64 * 1024 * 1024 + 1) }, (req) => req.write('{"name":'))).toBe(413);
  });

  it('answers 413 to a streamed body that grows over the limit', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const status = await postTasks({}, (req) => {
      let sent = 0;
      const more = (): void => {
        while (sent < 65) {
          sent += 1;
          if (!req.write(chunk)) return void req.once('drain', more);
        }
      };
      more();
    });
    expect(status).toBe(413);
  });
});
