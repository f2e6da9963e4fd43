import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker, start, waitFor, waitTaskFinal, type Api } from './helpers.js';

let api: Api;
beforeAll(async () => {
  api = await start({ outputCapBytes: 4096 });
});
afterAll(() => api.stop());

describe('stdout and stderr', () => {
  it('GET returns the whole buffer; POST only what is new, with separate cursors', async () => {
    const uuid = await api.task(docker('echo "out $INSTANCE_ID"; echo "err $INSTANCE_ID" >&2', { instanceCount: 2 }));
    await waitTaskFinal(api, uuid);
    const get = await api.call('GET', `/tasks/${uuid}/stdout`);
    expect(get.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(get.text.split('\n').filter(Boolean).sort()).toEqual(['0> out 0', '1> out 1']);
    expect((await api.call('GET', `/v1/tasks/${uuid}/stderr`)).text.split('\n').filter(Boolean).sort()).toEqual(['0> err 0', '1> err 1']);
    expect((await api.call('GET', `/tasks/${uuid}/stdout/1`)).text).toBe('out 1\n');

    const firstPost = await api.call('POST', `/tasks/${uuid}/stdout`);
    expect(firstPost.text).toBe(get.text);
    expect((await api.call('POST', `/tasks/${uuid}/stdout`)).text).toBe('');
    // The instance cursor and the stderr cursor are independent of the task-level stdout one.
    expect((await api.call('POST', `/tasks/${uuid}/stdout/0`)).text).toBe('out 0\n');
    expect((await api.call('POST', `/tasks/${uuid}/stdout/0`)).text).toBe('');
    expect((await api.call('POST', `/tasks/${uuid}/stdout/1`)).text).toBe('out 1\n');
    expect((await api.call('POST', `/tasks/${uuid}/stderr`)).text.split('\n').filter(Boolean)).toHaveLength(2);
    expect((await api.call('GET', `/tasks/${uuid}/stdout`)).text).toBe(get.text);
  });

  it('404s on unknown instances and tasks', async () => {
    const uuid = await api.task(docker('true'));
    expect((await api.call('GET', `/tasks/${uuid}/stdout/5`)).status).toBe(404);
    expect((await api.call('POST', `/tasks/${uuid}/stderr/abc`)).status).toBe(404);
    expect((await api.call('GET', '/tasks/nope/stdout')).status).toBe(404);
  });

  it('follow mode: POST answers are whole lines that add up to the GET buffer', async () => {
    const cmd = 'i=0; while [ $i -lt 40 ]; do printf "line $i of $INSTANCE_ID"; sleep 0.01; printf " done\\n"; i=$((i+1)); done';
    const uuid = await api.task(docker(cmd, { instanceCount: 2 }));
    let followed = '';
    let inst1 = '';
    let finished = false;
    while (!finished) {
      finished = ['Success', 'Failure', 'Cancelled'].includes((await api.get(`/tasks/${uuid}`)).state);
      const chunk = (await api.call('POST', `/tasks/${uuid}/stdout`)).text;
      if (chunk) expect(chunk.endsWith('\n')).toBe(true);
      followed += chunk;
      inst1 += (await api.call('POST', `/tasks/${uuid}/stdout/1`)).text;
    }
    followed += (await api.call('POST', `/tasks/${uuid}/stdout`)).text;
    inst1 += (await api.call('POST', `/tasks/${uuid}/stdout/1`)).text;
    expect(followed).toBe((await api.call('GET', `/tasks/${uuid}/stdout`)).text);
    expect(followed.split('\n').filter(Boolean)).toHaveLength(80);
    expect(inst1).toBe(Array.from({ length: 40 }, (_, i) => `line ${i} of 1 done\n`).join(''));
  });

  it('rotates past the size cap, dropping the oldest whole lines', async () => {
    const uuid = await api.task(docker('i=0; while [ $i -lt 1000 ]; do echo "line-$i-xxxxxxxxxx"; i=$((i+1)); done'));
    await waitTaskFinal(api, uuid);
    const text = (await api.call('GET', `/tasks/${uuid}/stdout/0`)).text;
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(4096);
    expect(text.endsWith('line-999-xxxxxxxxxx\n')).toBe(true);
    expect(text).not.toContain('line-0-');
    expect(text.split('\n').filter(Boolean).every((l) => /^line-\d+-x{10}$/.test(l))).toBe(true);
  });

  it('keeps pool-level output with its own cursors', async () => {
    const pool = (await api.call('POST', '/pools', { name: 'p', profile: 'docker-batch', instanceCount: 1 })).body.uuid;
    const t = await api.task({ name: 'pt', poolUuid: pool, instanceCount: 2, constants: [{ key: 'DOCKER_CMD', value: 'echo "hi $INSTANCE_ID"' }] });
    await waitTaskFinal(api, t);
    const out = await api.call('GET', `/pools/${pool}/stdout`);
    expect(out.text).toBe('0> hi 0\n0> hi 1\n');
    expect((await api.call('GET', `/pools/${pool}/stdout/0`)).text).toBe('hi 0\nhi 1\n');
    expect((await api.call('POST', `/pools/${pool}/stdout`)).text).toBe(out.text);
    expect((await api.call('POST', `/pools/${pool}/stdout`)).text).toBe('');
    expect((await api.call('POST', `/pools/${pool}/stdout/0`)).text).toBe('hi 0\nhi 1\n');
    expect((await api.call('GET', `/pools/${pool}/stderr`)).text).toBe('');
    expect((await api.call('GET', `/pools/${pool}/stdout/3`)).status).toBe(404);
    await waitFor(async () => (await api.call('POST', `/tasks/${t}/stdout`)).text !== '');
  });
});
