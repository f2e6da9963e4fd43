import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start, waitFor, type Api, type Loose } from './helpers.js';

let api: Api;
const names = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'my_task', 'Alpine'];
const uuids: Record<string, string> = {};
let poolUuid: string;
let jobUuid: string;

beforeAll(async () => {
  // Slow phases so that the tasks stay put while we search.
  api = await start({ speed: 0.01 });
  poolUuid = (await api.call('POST', '/pools', { name: 'sp', profile: 'docker-batch', instanceCount: 1 })).body.uuid;
  jobUuid = (await api.call('POST', '/jobs', { name: 'sj' })).body.uuid;
  for (const [i, name] of names.entries()) {
    uuids[name] = await api.task({
      name,
      shortname: `s-${i}`,
      profile: i === 3 ? 'ubuntu' : 'docker-batch',
      instanceCount: i + 1,
      tags: i % 2 ? ['odd', `n${i}`] : ['even'],
      labels: { team: i < 3 ? 'red' : 'blue' },
      ...(i === 4 ? { jobUuid } : {}),
    });
  }
  await api.call('POST', `/tasks/${uuids.gamma}/abort`);
});
afterAll(() => api.stop());

async function searchNames(filter: unknown): Promise<string[]> {
  const r = await api.call('POST', '/tasks/search', { filter });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.map((t: { name: string }) => t.name).sort();
}

describe('filters', () => {
  it.each([
    [{ field: 'Name', operator: 'Equal', value: 'beta' }, ['beta']],
    [{ field: 'name', operator: 'NotEqual', value: 'beta' }, names.filter((n) => n !== 'beta')],
    [{ field: 'Name', operator: 'Like', value: 'al%' }, ['Alpine', 'alpha']],
    [{ field: 'Name', operator: 'Like', value: '*PHA' }, ['alpha']],
    [{ field: 'Name', operator: 'Like', value: 'b_ta' }, ['beta']],
    [{ field: 'InstanceCount', operator: 'GreaterThan', value: '5' }, ['Alpine', 'my_task']],
    [{ field: 'InstanceCount', operator: 'LessThanOrEqual', value: 2 }, ['alpha', 'beta']],
    [{ field: 'InstanceCount', operator: 'GreaterThanOrEqual', value: '10' }, []],
    [{ field: 'InstanceCount', operator: 'LessThan', value: '10' }, names],
    [{ field: 'Tags', operator: 'Equal', value: 'odd' }, ['beta', 'delta', 'my_task']],
    [{ field: 'Tags', operator: 'NotEqual', value: 'odd' }, ['Alpine', 'alpha', 'epsilon', 'gamma']],
    [{ field: 'Name', operator: 'In', values: ['alpha', 'gamma', 'zzz'] }, ['alpha', 'gamma']],
    [{ field: 'Name', operator: 'In', value: ['alpha', 'beta'] }, ['alpha', 'beta']],
    [{ field: 'Name', operator: 'NotIn', values: ['alpha', 'beta', 'gamma', 'delta'] }, ['Alpine', 'epsilon', 'my_task']],
    [{ field: 'State', operator: 'Equal', value: 'cancelled' }, ['gamma']],
    [{ field: 'Profile', operator: 'Equal', value: 'ubuntu' }, ['delta']],
    [{ field: 'Labels.team', operator: 'Equal', value: 'red' }, ['alpha', 'beta', 'gamma']],
    [{ field: 'Shortname', operator: 'Equal', value: 's-1' }, ['beta']],
    [{ field: 'CreationDate', operator: 'GreaterThan', value: '2000-01-01T00:00:00Z' }, names],
    [{ field: 'CreationDate', operator: 'LessThan', value: '2000-01-01T00:00:00Z' }, []],
    [{ operator: 'And', filters: [{ field: 'Tags', operator: 'Equal', value: 'odd' }, { field: 'Labels.team', operator: 'Equal', value: 'blue' }] }, ['delta', 'my_task']],
    [{ Operator: 'or', Filters: [{ Field: 'NAME', Operator: 'equal', Value: 'alpha' }, { operator: 'Or', filters: [{ field: 'Name', operator: 'Equal', value: 'beta' }] }] }, ['alpha', 'beta']],
  ])('filter %j', async (filter, expected) => {
    expect(await searchNames(filter)).toEqual([...expected].sort());
  });

  it('filters by job, pool uuid and uuid', async () => {
    expect(await searchNames({ field: 'JobUuid', operator: 'Equal', value: jobUuid })).toEqual(['epsilon']);
    expect(await searchNames({ field: 'Uuid', operator: 'Equal', value: uuids.beta })).toEqual(['beta']);
    expect(await searchNames({ field: 'PoolUuid', operator: 'Equal', value: poolUuid })).toEqual([]);
    const after = (await api.get(`/tasks/${uuids.delta}`)).creationDate;
    expect(await searchNames({ field: 'CreationDate', operator: 'GreaterThanOrEqual', value: after })).toEqual(['Alpine', 'delta', 'epsilon', 'my_task']);
  });

  it('rejects unknown fields and operators with ProblemDetails', async () => {
    const r = await api.call('POST', '/tasks/search', { filter: { field: 'Colour', operator: 'Equal', value: 'x' } });
    expect(r.status).toBe(400);
    expect(r.body.detail).toMatch(/Colour/);
    expect(r.body.status).toBe(400);
    const op = await api.call('POST', '/tasks/paginate', { filter: { field: 'Name', operator: 'Near', value: 'x' } });
    expect(op.status).toBe(400);
    expect(op.body.detail).toMatch(/Near/);
  });

  it('restricts search results to the selected fields and honours maximumResults', async () => {
    const r = await api.call('POST', '/tasks/search', { select: { fields: ['Uuid', 'Name', 'State'] }, maximumResults: 2 });
    expect(r.body).toHaveLength(2);
    expect(Object.keys(r.body[0]).sort()).toEqual(['name', 'state', 'uuid']);
    const all = await api.call('POST', '/tasks/search', {});
    expect(all.body).toHaveLength(names.length);
    expect(all.body[0]).toHaveProperty('status');
    expect((await api.call('POST', '/tasks/search', { maximumResults: 0 })).status).toBe(400);
  });

  it('searches pools and jobs', async () => {
    const p = await api.call('POST', '/pools/search', { filter: { field: 'Name', operator: 'Equal', value: 'sp' }, select: { fields: ['Uuid'] } });
    expect(p.body).toEqual([{ uuid: poolUuid }]);
    const j = await api.call('POST', '/jobs/search', { filter: { field: 'State', operator: 'In', values: ['Active'] } });
    expect(j.body.map((x: { uuid: string }) => x.uuid)).toEqual([jobUuid]);
  });
});

describe('paginate', () => {
  it('walks pages with tokens, counts and totals', async () => {
    const seen: string[] = [];
    let token: string | null = null;
    let pages = 0;
    do {
      const r: { status: number; body: Loose } = await api.call('POST', '/tasks/paginate', { Token: token, MaximumResults: 3 });
      expect(r.status).toBe(200);
      expect(r.body.total).toBe(names.length);
      expect(r.body.count).toBe(r.body.data.length);
      expect(r.body.token).toBe(token);
      seen.push(...r.body.data.map((t: { name: string }) => t.name));
      token = r.body.isTruncated ? r.body.nextToken : null;
      if (!r.body.isTruncated) expect(r.body.nextToken).toBeNull();
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(seen).toEqual(names);
  });

  it('returns every task present during the walk exactly once while others come and go', async () => {
    const first = await api.call('POST', '/tasks/paginate', { maximumResults: 2 });
    const got = first.body.data.map((t: { name: string }) => t.name);
    // Delete one already returned and one not yet returned, and create new ones, between pages.
    await api.call('DELETE', `/tasks/${uuids.alpha}`);
    await api.call('DELETE', `/tasks/${uuids.delta}`);
    const extra = await api.task({ name: 'late', profile: 'docker-batch', instanceCount: 1 });
    let token = first.body.nextToken;
    while (token) {
      const r = await api.call('POST', '/tasks/paginate', { token, maximumResults: 2 });
      got.push(...r.body.data.map((t: { name: string }) => t.name));
      token = r.body.nextToken;
    }
    for (const n of names.filter((n) => n !== 'alpha' && n !== 'delta')) expect(got.filter((g: string) => g === n)).toHaveLength(1);
    expect(got).toContain('late');
    await api.call('DELETE', `/tasks/${extra}`);
    uuids.alpha = await api.task({ name: 'alpha', profile: 'docker-batch', instanceCount: 1, tags: ['even'], labels: { team: 'red' } });
    uuids.delta = await api.task({ name: 'delta', profile: 'ubuntu', instanceCount: 4, tags: ['odd'], labels: { team: 'blue' } });
  });

  it('orders by name, state and creationDate, ASC or DESC', async () => {
    const byName = await api.call('POST', '/tasks/summaries/paginate', { orderBy: 'name', orderType: 'DESC', maximumResults: 100 });
    const n = byName.body.data.map((t: { name: string }) => t.name);
    expect(n).toEqual([...n].sort().reverse());
    expect(byName.body.data[0]).not.toHaveProperty('status');
    expect(byName.body.data[0]).toHaveProperty('totalInstanceCount');
    const desc = await api.call('POST', '/tasks/paginate', { orderType: 'desc', maximumResults: 2 });
    const asc = await api.call('POST', '/tasks/paginate', { maximumResults: 100 });
    expect(desc.body.data.map((t: { uuid: string }) => t.uuid)).toEqual(asc.body.data.map((t: { uuid: string }) => t.uuid).reverse().slice(0, 2));
    const second = await api.call('POST', '/tasks/paginate', { token: desc.body.nextToken, maximumResults: 2 });
    expect(second.body.data.map((t: { uuid: string }) => t.uuid)).toEqual(asc.body.data.map((t: { uuid: string }) => t.uuid).reverse().slice(2, 4));
    const byState = await api.call('POST', '/tasks/paginate', { orderBy: 'State', maximumResults: 100 });
    const s = byState.body.data.map((t: { state: string }) => t.state);
    expect(s).toEqual([...s].sort());
    expect((await api.call('POST', '/tasks/paginate', { orderBy: 'colour' })).status).toBe(400);
    expect((await api.call('POST', '/tasks/paginate', { orderType: 'UP' })).status).toBe(400);
    expect((await api.call('POST', '/tasks/paginate', { token: 'garbage' })).status).toBe(400);
  });

  it('filters pages and validates maximumResults', async () => {
    const r = await api.call('POST', '/tasks/paginate', { filter: { field: 'Tags', operator: 'Equal', value: 'odd' }, maximumResults: 1 });
    expect(r.body.total).toBe(3);
    expect(r.body.count).toBe(1);
    expect(r.body.isTruncated).toBe(true);
    expect((await api.call('POST', '/tasks/paginate', { maximumResults: -1 })).status).toBe(400);
    expect((await api.call('POST', '/tasks/paginate', {})).body.data.length).toBe(names.length);
  });

  it('paginates pools (full and summaries) and jobs', async () => {
    const p = await api.call('POST', '/pools/paginate', {});
    expect(p.body).toMatchObject({ count: 1, total: 1, isTruncated: false, nextToken: null });
    expect(p.body.data[0]).toHaveProperty('status');
    const ps = await api.call('POST', '/pools/summaries/paginate', { maximumResults: 10 });
    expect(ps.body.data[0]).not.toHaveProperty('status');
    expect(ps.body.data[0]).toHaveProperty('queuedOrRunningTaskInstancesCount');
    const j = await api.call('POST', '/jobs/paginate', { orderBy: 'name' });
    expect(j.body.total).toBe(1);
    expect((await api.call('POST', '/jobs/paginate', { orderBy: 'executionTime' })).status).toBe(400);
  });
});

describe('paginate at scale', () => {
  it('pages 2,000 bulk-created tasks quickly and exactly once', async () => {
    const big = await start({ speed: 0.01 });
    try {
      const bodies = Array.from({ length: 2000 }, (_, i) => ({ name: `t${i}`, profile: 'docker-batch', instanceCount: 1 }));
      const r = await big.call('POST', '/tasks', bodies);
      expect(r.status).toBe(207);
      const seen = new Set<string>();
      let token: string | null = null;
      do {
        const p: { body: Loose } = await big.call('POST', '/tasks/summaries/paginate', { token, maximumResults: 100 });
        for (const t of p.body.data) seen.add(t.uuid);
        token = p.body.nextToken;
      } while (token);
      expect(seen.size).toBe(2000);
      await waitFor(async () => (await big.get('/info')).taskCount === 2000);
    } finally {
      await big.stop();
    }
  });
});
