import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker, start, waitFor, waitTaskFinal, type Api } from './helpers.js';
import { alive } from '../helpers/emulator-process.js';

let api: Api;
beforeAll(async () => {
  api = await start();
});
afterAll(() => api.stop());

async function pidFromStdout(uuid: string): Promise<number> {
  const text = await waitFor(async () => {
    const r = await api.call('GET', `/tasks/${uuid}/stdout`);
    return /\d+> \d+/.test(r.text) ? r.text : null;
  }, 10_000, 'pid on stdout');
  return Number(/> (\d+)/.exec(text)![1]);
}

describe('task lifecycle', () => {
  it('reports running instances, then Success with timings and ranges', async () => {
    const uuid = await api.task(docker('sleep 1.2', { instanceCount: 2 }));
    const running = await waitFor(async () => {
      const t = await api.get(`/tasks/${uuid}`);
      return t.state === 'FullyExecuting' && t.status.runningInstancesInfo.perRunningInstanceInfo.length === 2 ? t : null;
    }, 10_000, 'FullyExecuting');
    expect(running.runningInstanceCount).toBe(2);
    expect(running.status.runningInstancesInfo.perRunningInstanceInfo[0]).toMatchObject({ phase: 'execution', executionAttemptCount: 1 });
    expect(running.status.startedOnceRange).toBe('0-1');
    expect(running.progress).toBe(0);
    const t = await waitTaskFinal(api, uuid);
    expect(t.state).toBe('Success');
    expect(t.previousState).toBe('UploadingResults');
    expect(t.progress).toBe(100);
    expect(t.status.succeededRange).toBe('0-1');
    expect(t.status.executedRange).toBe('0-1');
    expect(t.status.failedRange).toBe('');
    expect(t.completedInstances).toHaveLength(2);
    expect(t.completedInstances[0]).toMatchObject({ state: 'Success', error: null, executionAttemptCount: 1 });
    expect(t.completedInstances[0].execTimeSec).toBeGreaterThan(1);
    expect(t.status.executionTimeSec).toBeGreaterThanOrEqual(1);
    expect(Date.parse(t.endDate)).toBeGreaterThanOrEqual(Date.parse(t.creationDate));
    expect(t.totalInstanceCount).toBe(2);
    expect(t.runningInstanceCount).toBe(0);
  });

  it('ends in Failure when one instance fails, and retry re-runs only that instance', async () => {
    const uuid = await api.task(docker('echo "run $INSTANCE_ID"; test "$INSTANCE_ID" != 2', { instanceCount: 4 }));
    const t = await waitTaskFinal(api, uuid);
    expect(t.state).toBe('Failure');
    expect(t.status.failedRange).toBe('2');
    expect(t.status.succeededRange).toBe('0-1,3');
    expect(t.errors).toHaveLength(1);
    expect(t.errors[0].message).toMatch(/exited with code 1/);
    const failed = t.completedInstances.find((c: { instanceId: number }) => c.instanceId === 2);
    expect(failed.state).toBe('Failure');
    expect(failed.error.message).toMatch(/Instance 2/);
    const r = await api.call('POST', `/tasks/${uuid}/retry`, {});
    expect(r.status).toBe(200);
    const t2 = await waitTaskFinal(api, r.body.uuid);
    expect(t2.advancedRanges).toBe('2');
    expect(t2.instanceCount).toBe(0);
    expect(t2.totalInstanceCount).toBe(1);
    expect((await api.call('GET', `/tasks/${r.body.uuid}/stdout`)).text).toBe('2> run 2\n');
    const none = await api.call('POST', `/tasks/${uuid}/resume`, {});
    expect(none.status).toBe(400);
    expect(none.body.message).toMatch(/no cancelled instance/);
    expect((await api.call('POST', `/tasks/${uuid}/retry`, { instanceCount: 3 })).status).toBe(400);
  });

  it('honours retrySettings per instance and counts attempts', async () => {
    const cmd = 'n=$(cat count 2>/dev/null || echo 0); n=$((n+1)); echo $n > count; test $n -ge 3';
    const ok = await api.task(docker(cmd, { retrySettings: { maxPerInstanceRetries: 2 } }));
    const legacy = await api.task(docker(cmd, { maxRetriesPerInstance: 1 }));
    const capped = await api.task(docker(cmd, { retrySettings: { maxPerInstanceRetries: 5, maxTotalRetries: 1 } }));
    const t = await waitTaskFinal(api, ok);
    expect(t.state).toBe('Success');
    expect(t.completedInstances[0].executionAttemptCount).toBe(3);
    const l = await waitTaskFinal(api, legacy);
    expect(l.state).toBe('Failure');
    expect(l.completedInstances[0].executionAttemptCount).toBe(2);
    expect(l.maxRetriesPerInstance).toBe(1);
    expect((await waitTaskFinal(api, capped)).completedInstances[0].executionAttemptCount).toBe(2);
  });

  it('aborts: kills the process group, cancels, then resume/recover/clone pick the right instances', async () => {
    const uuid = await api.task(docker('if [ "$INSTANCE_ID" = 0 ]; then echo quick; else echo $$; exec sleep 30; fi', { instanceCount: 3 }));
    await waitFor(async () => (await api.get(`/tasks/${uuid}`)).status.succeededRange === '0', 10_000, 'instance 0');
    const text = await waitFor(async () => {
      const out = (await api.call('GET', `/tasks/${uuid}/stdout`)).text;
      return (out.match(/[12]> \d+/g) ?? []).length === 2 ? out : null;
    });
    const pids = [...text.matchAll(/[12]> (\d+)/g)].map((m) => Number(m[1]));
    expect(pids.every(alive)).toBe(true);
    expect((await api.call('POST', `/tasks/${uuid}/abort`)).status).toBe(200);
    const t = await waitTaskFinal(api, uuid);
    expect(t.state).toBe('Cancelled');
    expect(t.status.cancelledRange).toBe('1-2');
    expect(t.status.succeededRange).toBe('0');
    await waitFor(() => pids.every((p) => !alive(p)), 5000, 'processes to die');
    expect((await api.call('POST', `/tasks/${uuid}/abort`)).status).toBe(403);
    expect((await api.call('POST', `/tasks/${uuid}/retry`)).status).toBe(400);

    const resumed = await api.call('POST', `/tasks/${uuid}/resume`, { Name: 'resumed', Constants: [{ Key: 'DOCKER_CMD', Value: 'echo again' }] });
    const rt = await waitTaskFinal(api, resumed.body.uuid);
    expect(rt).toMatchObject({ name: 'resumed', advancedRanges: '1-2', state: 'Success' });
    const recovered = await api.call('POST', `/tasks/${uuid}/recover`, { constants: [{ key: 'DOCKER_CMD', value: 'true' }] });
    expect((await api.get(`/tasks/${recovered.body.uuid}`)).advancedRanges).toBe('1-2');
    const cloned = await api.call('POST', `/v1/tasks/${uuid}/clone`, { constants: [{ key: 'DOCKER_CMD', value: 'true' }], shortname: 'the-clone' });
    const ct = await api.get('/tasks/the-clone');
    expect(ct.uuid).toBe(cloned.body.uuid);
    expect(ct.instanceCount).toBe(3);
    expect((await api.call('POST', `/tasks/${uuid}/clone`, { poolUuid: 'x' })).status).toBe(400);
  });

  it('DELETE aborts a running task and removes it', async () => {
    const uuid = await api.task(docker('echo $$; exec sleep 30'));
    const pid = await pidFromStdout(uuid);
    expect((await api.call('DELETE', `/tasks/${uuid}`)).status).toBe(200);
    expect((await api.call('GET', `/tasks/${uuid}`)).status).toBe(404);
    await waitFor(() => !alive(pid), 5000, 'process to die');
  });

  it('holds a task until its dependencies end', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-deps-'));
    const job = (await api.call('POST', '/jobs', { name: 'deps', useDependencies: true })).body.uuid;
    const a = await api.task(docker(`sleep 1.5; touch ${dir}/a-done`, { jobUuid: job }));
    const b = await api.task(docker(`test -f ${dir}/a-done`, { jobUuid: job, dependencies: { dependsOn: [a] } }));
    const waiting = await api.get(`/tasks/${b}`);
    expect(waiting.state).toBe('Submitted');
    expect(waiting.dependencies).toEqual({ dependsOn: [a], state: 'waiting' });
    const tb = await waitTaskFinal(api, b);
    expect(tb.state).toBe('Success');
    expect(tb.dependencies.state).toBe('dependencyConditionsFulfilled');
    expect(existsSync(join(dir, 'a-done'))).toBe(true);
    const jt = await api.get(`/jobs/${job}/tasks`);
    expect(jt.map((t: { uuid: string }) => t.uuid)).toEqual([a, b]);
  });

  it('cancels a task whose advanced dependency condition is not met', async () => {
    const a = await api.task(docker('exit 3'));
    const b = await api.task(docker('true', { dependencies: { advancedDependsOn: [{ taskUuid: a, taskFinalStateCondition: ['Success'] }] } }));
    const tb = await waitTaskFinal(api, b);
    expect(tb.state).toBe('Cancelled');
    expect(tb.dependencies.state).toBe('dependencyConditionsNotFulfilled');
  });

  it('runs instances in their own working directory with INSTANCE_ID and constants', async () => {
    const uuid = await api.task(
      docker('echo "$(pwd)|$INSTANCE_ID|$GREETING"', {
        shortname: 'wd-test',
        instanceCount: 2,
        constants: [
          { key: 'DOCKER_CMD', value: 'echo "$(pwd)|$INSTANCE_ID|$GREETING"' },
          { key: 'GREETING', value: 'hi-${INSTANCE_ID}-${WHO}' },
          { key: 'WHO', value: 'me' },
        ],
      }),
    );
    await waitTaskFinal(api, uuid);
    const lines = (await api.call('GET', `/tasks/${uuid}/stdout`)).text.trim().split('\n').sort();
    expect(lines).toHaveLength(2);
    const [cwd, id, greeting] = lines[1]!.slice(3).split('|');
    expect(cwd!.endsWith(join('tasks', uuid, '1'))).toBe(true);
    expect(cwd).not.toContain('wd-test');
    expect(id).toBe('1');
    expect(greeting).toBe('hi-1-me');
  });

  it('runs a task without a command through its whole lifecycle', async () => {
    const uuid = await api.task({ name: 'nocmd', profile: 'ubuntu', instanceCount: 3 });
    const t = await waitTaskFinal(api, uuid);
    expect(t.state).toBe('Success');
    expect(t.status.succeededRange).toBe('0-2');
  });

  it('auto-deletes a completed task after its completionTimeToLive', async () => {
    const uuid = await api.task(docker('true', { autoDeleteOnCompletion: true, completionTimeToLive: '00:00:00.2' }));
    await waitFor(async () => (await api.call('GET', `/tasks/${uuid}`)).status === 404, 10_000, 'auto delete');
  });

  it('updates constants and tags with PUT; PATCH only on a running task', async () => {
    const uuid = await api.task(docker('sleep 2'));
    await waitFor(async () => (await api.get(`/tasks/${uuid}`)).state === 'FullyExecuting');
    expect((await api.call('PATCH', `/tasks/${uuid}`)).status).toBe(200);
    expect((await api.call('PUT', `/tasks/${uuid}`, { Constants: [{ Key: 'X', Value: '1' }], Tags: ['new'] })).status).toBe(200);
    const t = await api.get(`/tasks/${uuid}`);
    expect(t.constants).toEqual([{ key: 'X', value: '1' }]);
    expect(t.tags).toEqual(['new']);
    expect((await api.call('PUT', `/tasks/${uuid}`, { tags: Array(11).fill('t') })).status).toBe(400);
    await waitTaskFinal(api, uuid);
    const patch = await api.call('PATCH', `/tasks/${uuid}`);
    expect(patch.status).toBe(400);
    expect(patch.body.message).toMatch(/not running/);
  });

  it('records unique and periodic snapshots', async () => {
    const uuid = await api.task(docker('sleep 2'));
    const snap = await api.call('POST', `/tasks/${uuid}/snapshot`, { Whitelist: '.*\\.txt' });
    expect(snap.status).toBe(200);
    expect(snap.body.id).toMatch(new RegExp(`^snap_${uuid}_\\d{14}$`));
    expect(snap.body.status).toBe('Triggered');
    expect(snap.body.snapshotConfig.whitelist).toBe('.*\\.txt');
    const done = await waitFor(async () => {
      const s = await api.get(`/tasks/${uuid}/snapshot/${snap.body.id}`);
      return s.status === 'Success' ? s : null;
    });
    expect(done.taskUuid).toBe(uuid);
    expect((await api.call('GET', `/tasks/${uuid}/snapshot/snap_nope`)).status).toBe(404);
    expect((await api.call('POST', `/tasks/${uuid}/snapshot/periodic`, { interval: 30, whitelist: 'w', blacklist: 'b' })).status).toBe(200);
    let t = await api.get(`/tasks/${uuid}`);
    expect(t).toMatchObject({ snapshotInterval: 30, snapshotWhitelist: 'w', snapshotBlacklist: 'b' });
    expect((await api.call('POST', `/tasks/${uuid}/snapshot/periodic`, { Interval: 0 })).status).toBe(200);
    t = await api.get(`/tasks/${uuid}`);
    expect(t.snapshotInterval).toBe(0);
    expect(t.snapshotWhitelist).toBe('w');
    const bad = await api.call('POST', `/tasks/${uuid}/snapshot/periodic`, { interval: -1 });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/'interval'/);
    await api.call('POST', `/tasks/${uuid}/abort`);
    await waitTaskFinal(api, uuid);
    expect((await api.call('POST', `/tasks/${uuid}/snapshot`, {})).status).toBe(403);
  });
});
