import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker, start, waitTaskFinal, type Api } from './helpers.js';

let api: Api;
beforeAll(async () => {
  api = await start();
});
afterAll(() => api.stop());

describe('smoke', () => {
  it('runs a 4-instance task with one failing instance, then retries it', async () => {
    const uuid = await api.task(docker('echo "hello $INSTANCE_ID"; test "$INSTANCE_ID" != 2', { instanceCount: 4 }));
    const t = await waitTaskFinal(api, uuid);
    expect(t.state).toBe('Failure');
    expect(t.status.failedRange).toBe('2');
    expect(t.status.succeededRange).toBe('0-1,3');
    const out = await api.call('GET', `/tasks/${uuid}/stdout`);
    expect(out.text.split('\n').filter(Boolean).sort()).toEqual(['0> hello 0', '1> hello 1', '2> hello 2', '3> hello 3']);
    const r = await api.call('POST', `/tasks/${uuid}/retry`, {});
    expect(r.status).toBe(200);
    const t2 = await waitTaskFinal(api, r.body.uuid);
    expect(t2.advancedRanges).toBe('2');
    expect(t2.state).toBe('Failure');
  });
});
