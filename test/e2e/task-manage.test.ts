import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, runOk } from '../helpers/run.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';
import { waitFor } from '../helpers/wait.js';

type Json = Record<string, unknown> & { state?: string };

describe('task abort / delete / update / sync / snapshot', () => {
  let emu: TestEmulator;
  const getTask = (uuid: string) => emu.call<Json>('GET', `/tasks/${uuid}`);
  // Set-up goes straight to the API: each CLI run costs a process start.
  const create = async (name: string, tag: string, command = 'sleep 60') => {
    const body = { name, profile: 'docker-batch', instanceCount: 1, tags: [tag], constants: [{ key: 'DOCKER_CMD', value: command }] };
    const res = await emu.call<{ uuid: string }>('POST', '/tasks', body);
    expect(res.status).toBe(200);
    return res.body.uuid;
  };
  const running = (uuid: string) => waitFor(async () => /Executing/.test(String((await getTask(uuid)).body.state)), { what: `${uuid} to run` });

  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(async () => {
    await emu?.stop();
  });

  it('delete never acts on everything by default: no selector is exit 2, nothing sent', async () => {
    await create('keep-me', 'keep');
    const before = (await emu.requests()).total;
    const result = await run(['task', 'delete', '--yes'], { emulator: emu });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/no tasks selected; give IDs, a selector/);
    expect((await emu.requests()).total).toBe(before);
  });

  it('delete refuses without --yes when not on a terminal, and deletes nothing', async () => {
    const uuid = await create('not-without-yes', 'refuse');
    const result = await run(['task', 'delete', '--tag', 'refuse'], { emulator: emu });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/refusing to delete 1 task without confirmation .*--yes/);
    expect((await getTask(uuid)).status).toBe(200);
    await emu.resetCounters();
    const byId = await run(['task', 'delete', uuid], { emulator: emu });
    expect(byId.exitCode).toBe(2);
    expect((await emu.requests()).byRoute['DELETE /tasks/{uuid}'] ?? 0).toBe(0);
  });

  it('--dry-run lists what a selector matches and changes nothing', async () => {
    const a = await create('dry-a', 'dry');
    const b = await create('dry-b', 'dry');
    await emu.resetCounters();
    const result = await run(['task', 'delete', '--tag', 'dry', '--dry-run'], { emulator: emu });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(a);
    expect(result.stdout).toContain(b);
    expect(result.stderr).toContain('Dry run: would delete 2 tasks');
    const counts = await emu.requests();
    expect(counts.byRoute['DELETE /tasks/{uuid}'] ?? 0).toBe(0);
  });

  it('abort by selector: one line per task, running tasks end Cancelled', async () => {
    const a = await create('abort-a', 'abort-me');
    const b = await create('abort-b', 'abort-me');
    await running(a);
    await running(b);
    const result = await run(['task', 'abort', '--tag', 'abort-me', '--state', 'FullyExecuting', '--yes'], { emulator: emu });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout.trim().split('\n').sort()).toEqual([`${a}\taborted`, `${b}\taborted`].sort());
    await waitFor(async () => (await getTask(a)).body.state === 'Cancelled');
  });

  it('delete with ids: one result line each, exit 1 when one fails, bounded concurrency', async () => {
    const ids = await Promise.all(Array.from({ length: 5 }, (_, i) => create(`del-${i}`, 'del', 'true')));
    await emu.resetCounters();
    const result = await run(['task', 'delete', ...ids, 'no-such-task', '--yes', '--concurrency', '2'], { emulator: emu });
    expect(result.exitCode).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(6);
    for (const id of ids) expect(lines).toContain(`${id}\tdeleted`);
    expect(lines.find((l) => l.startsWith('no-such-task'))).toMatch(/failed\t.*not found/);
    const counts = await emu.requests();
    expect(counts.maxInFlight).toBeLessThanOrEqual(2);
    for (const id of ids) expect((await getTask(id)).status).toBe(404);
  });

  it('update merges constants and tags with the current ones (PUT)', async () => {
    const uuid = await create('upd', 'old');
    await runOk(['task', 'update', uuid, '-c', 'NEW=1', '--tag', 'new', '--untag', 'old'], { emulator: emu });
    const task = (await getTask(uuid)).body;
    expect(task.tags).toEqual(['new']);
    expect(task.constants).toEqual(expect.arrayContaining([{ key: 'DOCKER_CMD', value: 'sleep 60' }, { key: 'NEW', value: '1' }]));
    await runOk(['task', 'update', uuid, '--replace', '-c', 'ONLY=x'], { emulator: emu });
    expect((await getTask(uuid)).body.constants).toEqual([{ key: 'ONLY', value: 'x' }]);
    const none = await run(['task', 'update', uuid], { emulator: emu });
    expect(none.exitCode).toBe(2);
  });

  it('sync (PATCH) works on a running task and reports the API refusal otherwise', async () => {
    const uuid = await create('sync', 'sync');
    await running(uuid);
    await emu.resetCounters();
    await runOk(['task', 'sync', uuid], { emulator: emu });
    expect((await emu.requests()).byRoute['PATCH /tasks/{uuid}']).toBe(1);
    const done = await create('sync-done', 'sync', 'true');
    await waitFor(async () => (await getTask(done)).body.state === 'Success');
    const refused = await run(['task', 'sync', done], { emulator: emu });
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toMatch(/not running/);
  });

  it('snapshot prints the snapshot id, --wait polls until Success, --every sets the period', async () => {
    const uuid = await create('snap', 'snap');
    await running(uuid);
    const result = await run(['task', 'snapshot', uuid, '--wait', '--whitelist', '.*\\.log', '--bucket', 'snaps', '--prefix', 'run1/'], { emulator: emu });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout.trim()).toMatch(new RegExp(`^snap_${uuid}_\\d{14}`));
    expect(result.stderr).toMatch(/Success/);
    await runOk(['task', 'snapshot', uuid, '--every', '300'], { emulator: emu });
    expect((await getTask(uuid)).body.snapshotInterval).toBe(300);
    await runOk(['task', 'snapshot', uuid, '--every', '0'], { emulator: emu });
    expect((await getTask(uuid)).body.snapshotInterval).toBe(0);
    expect((await run(['task', 'snapshot', uuid, '--every', '-5'], { emulator: emu })).exitCode).toBe(2);
  });
});

describe('task delete on a flaky network', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    // Every third request or so is processed, then its answer is lost.
    emu = await startEmulator(['--faults', 'reset-after:0.3,seed:11']);
  });
  afterAll(async () => {
    await emu?.stop();
  });

  /** Tasks with this tag, read until an answer gets through. */
  const tagged = async (tag: string): Promise<string[]> => {
    for (;;) {
      const res = await emu
        .call<{ data: { uuid: string }[] }>('POST', '/tasks/paginate', { filter: { field: 'Tags', operator: 'Equal', value: tag }, maximumResults: 100 })
        .catch(() => undefined);
      if (res?.status === 200) return res.body.data.map((t) => t.uuid);
    }
  };

  it('a delete whose answer was lost and whose retry gets 404 counts as deleted', async () => {
    const body = { name: 'flaky', profile: 'docker-batch', instanceCount: 1, tags: ['flaky'], constants: [{ key: 'DOCKER_CMD', value: 'true' }] };
    for (let i = 0; i < 8; i++) await emu.call('POST', '/tasks', body).catch(() => undefined);
    const ids = await tagged('flaky');
    expect(ids.length).toBeGreaterThanOrEqual(8);
    await emu.resetCounters();
    const result = await run(['task', 'delete', ...ids, '--yes'], { emulator: emu });
    expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.stdout.trim().split('\n').sort()).toEqual(ids.map((id) => `${id}\tdeleted`).sort());
    expect(await tagged('flaky')).toEqual([]);
    // Some answers were lost, so some deletes were sent twice; never more than needed.
    const deletes = (await emu.requests()).byRoute['DELETE /tasks/{uuid}'] ?? 0;
    expect(deletes).toBeGreaterThan(ids.length);
  });
});
