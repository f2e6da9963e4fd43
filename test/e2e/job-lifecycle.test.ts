import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliOk } from '../helpers/cli.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';
import { waitFor } from '../helpers/wait.js';

let emu: TestEmulator;

beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.stop());

interface TaskJson {
  uuid: string;
  state: string;
  executionTime?: string;
  creationDate: string;
  endDate?: string;
  stateTransitionTime?: string;
}

async function createJob(args: string[]): Promise<string> {
  const r = await cli(['job', 'create', ...args], { emulator: emu });
  expect(r.exitCode, r.stderr).toBe(0);
  expect(r.stderr).toMatch(/Created job/);
  return r.stdout.trim();
}

async function task(body: Record<string, unknown>): Promise<string> {
  const r = await emu.call<{ uuid: string; message?: string }>('POST', '/tasks', { profile: 'docker-batch', instanceCount: 1, ...body });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.uuid;
}

const jobState = async (id: string) => (await emu.call<{ state: string }>('GET', `/jobs/${id}`)).body.state;

describe('jobs', () => {
  it('creates from flags; --dry-run prints the body with a TimeSpan wall time and sends nothing', async () => {
    await emu.resetCounters();
    const dry = await cli(['job', 'create', '--name', 'j', '--shortname', 'j-1', '--use-dependencies', '--max-wall-time', '1d2h', '--tag', 'a', '--auto-delete', '--ttl', '30m', '--dry-run'], { emulator: emu });
    expect(dry.exitCode, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toEqual({
      name: 'j', shortname: 'j-1', useDependencies: true, maxWallTime: '1.02:00:00', tags: ['a'], autoDeleteOnCompletion: true, completionTimeToLive: '00:30:00',
    });
    expect((await emu.requests()).total).toBe(0);
    const id = await createJob(['--name', 'real', '--shortname', 'real-job', '--max-wall-time', '2h', '--tag', 't']);
    const shown = JSON.parse(await cliOk(['job', 'show', 'real-job', '--json'], { emulator: emu })) as { uuid: string; state: string; maxWallTime: string; tags: string[] };
    expect(shown).toMatchObject({ uuid: id, state: 'Active', maxWallTime: '02:00:00', tags: ['t'] });
  });

  it('runs a two-task dependency chain in order; job tasks lists both; job wait exits 0', async () => {
    const job = await createJob(['--name', 'chain', '--use-dependencies']);
    const first = await task({ name: 'first', jobUuid: job, constants: [{ key: 'DOCKER_CMD', value: 'sleep 0.3' }] });
    const second = await task({ name: 'second', jobUuid: job, dependencies: { dependsOn: [first] }, constants: [{ key: 'DOCKER_CMD', value: 'echo second' }] });
    // While the first one runs, the second one must not have started.
    let secondStartedEarly = false;
    await waitFor(async () => {
      const [a, b] = await Promise.all([emu.call<TaskJson>('GET', `/tasks/${first}`), emu.call<TaskJson>('GET', `/tasks/${second}`)]);
      if (a.body.state !== 'Success' && /Executing|UploadingResults|Success/.test(b.body.state)) secondStartedEarly = true;
      return b.body.state === 'Success';
    }, { timeout: 20_000, what: 'chain' });
    expect(secondStartedEarly).toBe(false);
    const a = (await emu.call<TaskJson>('GET', `/tasks/${first}`)).body;
    const b = (await emu.call<TaskJson>('GET', `/tasks/${second}`)).body;
    expect(Date.parse(a.endDate!)).toBeLessThanOrEqual(Date.parse(b.endDate!));
    expect((await cliOk(['job', 'tasks', job, '-q'], { emulator: emu })).trim().split('\n').sort()).toEqual([first, second].sort());
    const waited = await cli(['job', 'wait', job, '--timeout', '20s', '--interval', '100ms'], { emulator: emu });
    expect(waited.exitCode, waited.stderr).toBe(0);
  });

  it('job wait exits 1 when a task fails, 124 on timeout', async () => {
    const job = await createJob(['--name', 'failing']);
    await task({ name: 'bad', jobUuid: job, constants: [{ key: 'DOCKER_CMD', value: 'exit 3' }] });
    const failed = await cli(['job', 'wait', job, '--timeout', '20s', '--interval', '100ms'], { emulator: emu });
    expect(failed.exitCode, failed.stderr).toBe(1);
    expect(failed.stderr).toMatch(/did not succeed: bad Failure/);
    const slow = await createJob(['--name', 'slow']);
    await task({ name: 'sleeper', jobUuid: slow, constants: [{ key: 'DOCKER_CMD', value: 'sleep 30' }] });
    const timedOut = await cli(['job', 'wait', slow, '--timeout', '500ms', '--interval', '100ms'], { emulator: emu });
    expect(timedOut.exitCode).toBe(124);
    await cliOk(['job', 'terminate', slow, '--yes'], { emulator: emu });
  });

  it('terminate cancels the running tasks and completes the job', async () => {
    const job = await createJob(['--name', 'to-stop']);
    const t = await task({ name: 'long', jobUuid: job, constants: [{ key: 'DOCKER_CMD', value: 'sleep 30' }] });
    const r = await cli(['job', 'terminate', job, '--yes'], { emulator: emu });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(`${job}\tterminated`);
    await waitFor(async () => (await jobState(job)) === 'Completed', { what: 'job completed' });
    expect((await emu.call<TaskJson>('GET', `/tasks/${t}`)).body.state).toBe('Cancelled');
    // A job that was terminated is done: wait returns at once, reporting the cancelled task.
    expect((await cli(['job', 'wait', job, '--interval', '100ms'], { emulator: emu })).exitCode).toBe(1);
  });

  it('delete: refused without --force while tasks remain, deletes them with --force; a shortname deletes exactly that job', async () => {
    const withTasks = await createJob(['--name', 'keep-tasks', '--shortname', 'my-job']);
    const other = await createJob(['--name', 'my-job', '--shortname', 'my-job-2']);
    const t = await task({ name: 'in-job', jobUuid: withTasks, constants: [{ key: 'DOCKER_CMD', value: 'true' }] });
    const refused = await cli(['job', 'delete', 'my-job'], { emulator: emu });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toMatch(/pass --yes/);
    const noForce = await cli(['job', 'delete', 'my-job', '--yes'], { emulator: emu });
    expect(noForce.exitCode).toBe(1);
    expect(noForce.stdout).toMatch(/my-job\tfailed\t.*task/);
    expect(await jobState(withTasks)).not.toBe(undefined);
    const forced = await cli(['job', 'delete', 'my-job', '--force', '--yes'], { emulator: emu });
    expect(forced.exitCode, forced.stderr).toBe(0);
    expect((await emu.call('GET', `/jobs/${withTasks}`)).status).toBe(404);
    expect((await emu.call('GET', `/tasks/${t}`)).status).toBe(404);
    // The job named "my-job" (shortname my-job-2) is untouched.
    expect(await jobState(other)).toBe('Active');
    const empty = await createJob(['--name', 'empty']);
    expect((await cliOk(['job', 'delete', empty, '--yes'], { emulator: emu })).trim()).toBe(`${empty}\tdeleted`);
    expect((await emu.call('GET', `/jobs/${empty}`)).status).toBe(404);
  });

  it('refuses bad input with exit 2 and sends nothing', async () => {
    await emu.resetCounters();
    const cases: [string[], RegExp][] = [
      [['job', 'create'], /--name is required/],
      [['job', 'create', '--name', 'x', '--max-wall-time', 'forever'], /--max-wall-time expects a duration/],
      [['job', 'create', '--name', 'x', '--max-wall-time', '0'], /--max-wall-time must be longer than 0/],
      [['job', 'create', '--name', 'x', '--shortname', '-bad'], /--shortname must be/],
      [['job', 'create', '--name', 'x', '--pool', 'no way'], /--pool must be a uuid or a shortname/],
      [['job', 'create', '--name', 'x', '--ttl', '-1h'], /--ttl must not be negative/],
      [['job', 'delete'], /no jobs selected/],
      [['job', 'delete', 'a', '--tag', 'x'], /not both/],
      [['job', 'terminate', '--state', 'Running'], /--state must be one of/],
      [['job', 'wait', 'j', '--timeout', 'x'], /--timeout expects a duration/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(args, { emulator: emu });
      expect(r.exitCode, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
    expect((await emu.requests()).total).toBe(0);
  });
});
