import { afterEach, describe, expect, it } from 'vitest';
import { start, waitFor, type Api, type Loose } from './helpers.js';

// The age cap is raised so that only the change check guards against stale pages: a test
// that waits longer than 250 ms would otherwise pass even if a change went unnoticed.
const NO_AGE_CAP = 60_000;
let api: Api;

afterEach(async () => {
  await api?.stop();
});

/** A task without the fields that depend on the time of rendering. */
function timeless(t: Loose): Loose {
  const { wallTime: _w, status, ...rest } = t;
  const { timestamp: _t, wallTime: _sw, wallTimeSec: _ss, runningInstancesInfo, ...st } = status ?? {};
  const { timestamp: _rt, ...info } = runningInstancesInfo ?? {};
  return { ...rest, status: { ...st, runningInstancesInfo: info } };
}

async function walk(size: number, body: Record<string, unknown> = {}): Promise<Loose[]> {
  const pages: Loose[] = [];
  let token: string | null = null;
  do {
    const r: { status: number; body: Loose } = await api.call('POST', '/tasks/paginate', { ...body, token, maximumResults: size });
    expect(r.status).toBe(200);
    pages.push(r.body);
    token = r.body.nextToken;
  } while (token);
  return pages;
}

const requests = async () => (await api.get('/_emulator/requests')) as { pagesReadAhead: number };

describe('paginate read-ahead', () => {
  it('answers the later pages of a walk from renderings made ahead, equal to live ones', async () => {
    api = await start({ speed: 0.01, readAheadMaxAgeMs: NO_AGE_CAP });
    for (let i = 0; i < 10; i++) await api.task({ name: `t${i}`, profile: 'docker-batch', instanceCount: 1, tags: [`n${i}`] });
    await api.call('POST', '/_emulator/reset-counters');
    const pages = await walk(2);
    expect(pages).toHaveLength(5);
    expect((await requests()).pagesReadAhead).toBe(4);
    // One page of everything, rendered live (a first page is never read ahead).
    const live = (await api.call('POST', '/tasks/paginate', { maximumResults: 100 })).body.data;
    expect(pages.flatMap((p) => p.data).map(timeless)).toEqual(live.map(timeless));
    expect(pages.map((p) => p.count)).toEqual([2, 2, 2, 2, 2]);
    expect(pages[4].isTruncated).toBe(false);
  });

  it('renders live when the next request is not the one foreseen', async () => {
    api = await start({ speed: 0.01, readAheadMaxAgeMs: NO_AGE_CAP });
    for (let i = 0; i < 4; i++) await api.task({ name: `t${i}`, profile: 'docker-batch', instanceCount: 1 });
    const first = await api.call('POST', '/tasks/paginate', { maximumResults: 2 });
    await api.call('POST', '/_emulator/reset-counters');
    const other = await api.call('POST', '/tasks/paginate', { token: first.body.nextToken, maximumResults: 1 });
    expect(other.body.data.map((t: Loose) => t.name)).toEqual(['t2']);
    expect((await requests()).pagesReadAhead).toBe(0);
  });

  it('sees a write made between two pages', async () => {
    api = await start({ speed: 0.01, readAheadMaxAgeMs: NO_AGE_CAP });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(await api.task({ name: `t${i}`, profile: 'docker-batch', instanceCount: 1 }));
    const nextPageAfter = async (change: () => Promise<unknown>) => {
      const first = await api.call('POST', '/tasks/paginate', { maximumResults: 2 });
      await change();
      return (await api.call('POST', '/tasks/paginate', { token: first.body.nextToken, maximumResults: 2 })).body.data;
    };
    // A plain update of the record, and a change that goes through the engine.
    const updated = await nextPageAfter(async () => expect((await api.call('PUT', `/tasks/${ids[2]}`, { tags: ['changed'] })).status).toBeLessThan(300));
    expect(updated[0].tags).toEqual(['changed']);
    const aborted = await nextPageAfter(async () => expect((await api.call('POST', `/tasks/${ids[3]}/abort`)).status).toBeLessThan(300));
    expect(aborted[1].state).not.toBe('Submitted');
  });

  it('sees state changes the engine makes on its own between two pages', async () => {
    api = await start({ speed: 50, readAheadMaxAgeMs: NO_AGE_CAP });
    const ids: string[] = [];
    // Each task runs for at least 300 ms: none can have ended when the first page is read.
    for (let i = 0; i < 4; i++) {
      ids.push(await api.task({ name: `t${i}`, profile: 'docker-batch', instanceCount: 1, constants: [{ key: 'DOCKER_CMD', value: 'sleep 0.3' }] }));
    }
    const first = await api.call('POST', '/tasks/paginate', { maximumResults: 2 });
    // The page after it was rendered then, while its tasks were still running or queued.
    expect(first.body.data.every((t: Loose) => t.state !== 'Success')).toBe(true);
    for (const id of ids) await waitFor(async () => (await api.get(`/tasks/${id}`)).state === 'Success', 20_000, `task ${id} to succeed`);
    const second = await api.call('POST', '/tasks/paginate', { token: first.body.nextToken, maximumResults: 2 });
    expect(second.body.data.map((t: Loose) => t.state)).toEqual(['Success', 'Success']);
  });
});
