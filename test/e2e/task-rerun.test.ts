import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, runOk } from '../helpers/run.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';
import { waitFor } from '../helpers/wait.js';

type Json = Record<string, unknown> & { status?: Record<string, unknown>; state?: string };

describe('task clone / retry / recover / resume', () => {
  let emu: TestEmulator;
  let source: string;
  const getTask = async (uuid: string) => (await emu.call<Json>('GET', `/tasks/${uuid}`)).body;

  beforeAll(async () => {
    emu = await startEmulator();
    // Four instances: 2 fails at once, the others run until the task is aborted.
    source = (
      await runOk(
        ['task', 'create', '--name', 'source', '--profile', 'docker-batch', '-n', '4', '-c', 'DOCKER_CMD=if [ "$INSTANCE_ID" = 2 ]; then exit 3; fi; sleep 60', '-c', 'KEEP=me'],
        { emulator: emu },
      )
    ).trim();
    await waitFor(async () => (await getTask(source)).status?.failedRange === '2', { what: 'instance 2 to fail' });
    await runOk(['task', 'abort', source, '--yes'], { emulator: emu });
    await waitFor(async () => (await getTask(source)).state === 'Cancelled', { what: 'the source to be cancelled' });
  });
  afterAll(async () => {
    await emu?.stop();
  });

  const rerun = async (args: string[]) => {
    const result = await run(args, { emulator: emu });
    expect(result.exitCode, result.stderr).toBe(0);
    const uuid = result.stdout.trim();
    expect(uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(uuid).not.toBe(source);
    return getTask(uuid);
  };

  it('retry runs only the failed instance', async () => {
    const task = await rerun(['task', 'retry', source]);
    expect(task.advancedRanges).toBe('2');
    expect(task.constants).toEqual(expect.arrayContaining([{ key: 'KEEP', value: 'me' }]));
  });

  it('recover runs the failed and cancelled instances', async () => {
    expect((await rerun(['task', 'recover', source])).advancedRanges).toBe('0-3');
  });

  it('resume runs the cancelled instances, with overrides', async () => {
    const task = await rerun(['task', 'resume', source, '--name', 'resumed', '-c', 'DOCKER_CMD=true', '--tag', 'again']);
    expect(task.advancedRanges).toBe('0-1,3');
    expect(task).toMatchObject({ name: 'resumed', tags: ['again'] });
    expect(task.constants).toEqual(expect.arrayContaining([{ key: 'DOCKER_CMD', value: 'true' }]));
  });

  it('clone copies every instance; -n overrides the count', async () => {
    const copy = await rerun(['task', 'clone', source]);
    expect(copy.instanceCount ?? copy.totalInstanceCount).toBe(4);
    expect(copy.name).toBe('source');
    const bigger = await rerun(['task', 'clone', source, '-n', '6', '--name', 'bigger']);
    expect(bigger).toMatchObject({ name: 'bigger', instanceCount: 6 });
  });

  it('--dry-run prints the override body ({} keeps everything) and sends nothing', async () => {
    const before = (await emu.requests()).total;
    expect(JSON.parse(await runOk(['task', 'retry', source, '--dry-run'], { emulator: emu }))).toEqual({});
    expect((await emu.requests()).total).toBe(before);
  });

  it('refuses instance and pool flags where the source decides them (exit 2, nothing sent)', async () => {
    const before = (await emu.requests()).total;
    for (const args of [
      ['task', 'retry', source, '-n', '2'],
      ['task', 'recover', source, '--range', '0-1'],
      ['task', 'resume', source, '--pool', 'p'],
      ['task', 'clone', source, '--pool', 'p'],
    ]) {
      expect((await run(args, { emulator: emu })).exitCode).toBe(2);
    }
    expect((await emu.requests()).total).toBe(before);
  });

  it('a missing source task exits 3', async () => {
    const result = await run(['task', 'retry', 'no-such-task'], { emulator: emu });
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toContain('not found');
  });
});
