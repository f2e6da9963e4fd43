import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { parseFaultSpec } from '../../src/emulator/command.js';
import { startEmulator } from '../../src/emulator/index.js';
import { start, waitFor, type Api } from './helpers.js';

async function statuses(api: Api, n: number): Promise<(number | 'reset')[]> {
  const out: (number | 'reset')[] = [];
  for (let i = 0; i < n; i++) {
    try {
      out.push((await api.call('GET', '/info')).status);
    } catch {
      out.push('reset');
    }
  }
  return out;
}

describe('fault injection', () => {
  it('parses specs and rejects bad ones clearly', () => {
    expect(parseFaultSpec('503:0.1,429:0.05,reset:0.02,reset-after:0.01,latency:50-300ms,seed:42')).toEqual({
      statuses: [{ status: 503, p: 0.1 }, { status: 429, p: 0.05 }],
      reset: 0.02,
      resetAfter: 0.01,
      latency: { min: 50, max: 300 },
      seed: 42,
    });
    expect(() => parseFaultSpec('503')).toThrow(/KIND:VALUE/);
    expect(() => parseFaultSpec('503:2')).toThrow(/between 0 and 1/);
    expect(() => parseFaultSpec('teapot:0.1')).toThrow(/unknown fault kind/);
    expect(() => parseFaultSpec('latency:fast')).toThrow(/latency/);
    expect(() => parseFaultSpec('seed:x')).toThrow(/seed/);
    expect(() => parseFaultSpec('503:0.6,500:0.6')).toThrow(/more than 1/);
    return expect(startEmulator({ port: 0, faults: 'nope' })).rejects.toThrow(/fault/);
  });

  it('is repeatable with a seed, answers 429 with Retry-After, never touches /_emulator', async () => {
    const spec = '503:0.2,429:0.2,reset:0.1,latency:0-5ms,seed:42';
    const a = await start({ faults: spec });
    const b = await start({ faults: spec });
    try {
      const sa = await statuses(a, 40);
      const sb = await statuses(b, 40);
      expect(sa).toEqual(sb);
      expect(sa).toContain(503);
      expect(sa).toContain(429);
      expect(sa).toContain('reset');
      expect(sa).toContain(200);
      let r429 = null;
      for (let i = 0; i < 50 && !r429; i++) {
        const r = await a.call('GET', '/info').catch(() => null);
        if (r?.status === 429) r429 = r;
      }
      expect(r429!.headers['retry-after']).toBe('1');
      expect(r429!.body.message).toBeTruthy();
      for (let i = 0; i < 20; i++) expect((await a.call('GET', '/_emulator/requests')).status).toBe(200);
      const c = (await a.call('GET', '/_emulator/requests')).body;
      expect(c.byRoute['GET /info']).toBe(c.total);
      expect(c.total).toBeGreaterThanOrEqual(41);
      expect((await a.call('POST', '/_emulator/reset-counters')).status).toBe(200);
      expect((await a.call('GET', '/_emulator/requests')).body.total).toBe(0);
    } finally {
      await a.stop();
      await b.stop();
    }
  });

  it('reset-after processes the request before dropping the connection', async () => {
    const api = await start({ faults: 'reset-after:0.5,seed:3' });
    try {
      let resets = 0;
      for (let i = 0; i < 6; i++) {
        try {
          await api.call('POST', '/tasks', { name: `t${i}`, profile: 'docker-batch', instanceCount: 1 });
        } catch {
          resets++;
        }
      }
      expect(resets).toBeGreaterThan(0);
      const info = await waitFor(() => api.call('GET', '/info').catch(() => null), 10_000, 'an answered /info');
      expect(info.body.taskCount).toBe(6);
    } finally {
      await api.stop();
    }
  });
});

describe('accounts', () => {
  it('keeps accounts apart and honours the read-only header with grants', async () => {
    const api = await start({
      token: 'main-token',
      accounts: [
        { email: 'bob@example.com', token: 'bob-token' },
        { email: 'eve@example.com', token: 'eve-token' },
      ],
      readGrants: [{ reader: 'bob@example.com', target: 'emulator@qarnot.local' }],
    });
    try {
      const as = (token: string, extra: Record<string, string> = {}) => ({ authorization: token, ...extra });
      const mine = await api.task({ name: 'mine', shortname: 'same', profile: 'docker-batch', instanceCount: 1 });
      const bobTask = await api.call('POST', '/tasks', { name: 'bobs', shortname: 'same', profile: 'docker-batch', instanceCount: 1 }, as('bob-token'));
      expect(bobTask.status).toBe(200);
      expect((await api.call('GET', `/tasks/${mine}`, undefined, as('bob-token'))).status).toBe(404);
      expect((await api.call('GET', '/tasks', undefined, as('bob-token'))).body.map((t: { name: string }) => t.name)).toEqual(['bobs']);
      expect((await api.call('GET', '/info', undefined, as('bob-token'))).body).toMatchObject({ email: 'bob@example.com', taskCount: 1 });

      const readMain = as('bob-token', { QarnotReadOnlyRequestForAccount: 'emulator@qarnot.local' });
      expect((await api.call('GET', `/tasks/${mine}`, undefined, readMain)).body.name).toBe('mine');
      expect((await api.call('POST', '/tasks/paginate', {}, readMain)).body.data.map((t: { name: string }) => t.name)).toEqual(['mine']);
      expect((await api.call('POST', '/tasks/search', {}, readMain)).status).toBe(200);
      expect((await api.call('POST', '/tasks/summaries/paginate', {}, readMain)).status).toBe(200);
      const write = await api.call('POST', '/tasks', { name: 'x', profile: 'docker-batch', instanceCount: 1 }, readMain);
      expect(write.status).toBe(403);
      expect(write.body.message).toBe('Read-only access cannot be used for write operations');
      expect((await api.call('POST', `/tasks/${mine}/stdout`, undefined, readMain)).status).toBe(403);
      expect((await api.call('DELETE', `/tasks/${mine}`, undefined, readMain)).status).toBe(403);
      // No grant from main to bob, nor for eve.
      expect((await api.call('GET', '/tasks', undefined, { QarnotReadOnlyRequestForAccount: 'bob@example.com' })).status).toBe(403);
      const eve = await api.call('GET', '/tasks', undefined, as('eve-token', { QarnotReadOnlyRequestForAccount: 'emulator@qarnot.local' }));
      expect(eve.status).toBe(403);
      expect(eve.body.message).toBeTruthy();
      // Reading oneself through the header is allowed.
      expect((await api.call('GET', '/info', undefined, as('eve-token', { QarnotReadOnlyRequestForAccount: 'eve@example.com' }))).body.email).toBe('eve@example.com');
      expect((await api.call('GET', '/info', undefined, as('eve-token', { QarnotReadOnlyRequestForAccount: 'nobody@example.com' }))).status).toBe(403);
    } finally {
      await api.stop();
    }
  });

  it('rejects inconsistent account options', async () => {
    await expect(startEmulator({ port: 0, token: 't', accounts: [{ email: 'a@b.c', token: 't' }] })).rejects.toThrow(/already used/);
    await expect(startEmulator({ port: 0, readGrants: [{ reader: 'x@y.z', target: 'emulator@qarnot.local' }] })).rejects.toThrow(/unknown account/);
    await expect(startEmulator({ port: 0, speed: 0 })).rejects.toThrow(/speed/);
  });

  it('binds to 127.0.0.1 by default', async () => {
    const api = await start();
    try {
      expect(api.emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const r = await request(`${api.emu.url}/versions`);
      expect(await r.body.json()).toEqual([{ version: 'v1', endOfLife: null }]);
    } finally {
      await api.stop();
    }
  });
});
