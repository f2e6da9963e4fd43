import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';
import { run, runOk } from '../helpers/run.js';

const UUID_LINE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('list and search, adversarial pass', () => {
  let emu: TestEmulator;
  const uuids: string[] = [];
  beforeAll(async () => {
    emu = await startEmulator();
    for (const name of ['h-1', 'h-2', 'h-3']) {
      const body = { name, profile: 'docker-batch', instanceCount: 1, constants: [{ key: 'DOCKER_CMD', value: 'true' }] };
      uuids.push((await emu.call<{ uuid: string }>('POST', '/tasks', body)).body.uuid);
    }
  });
  afterAll(async () => {
    await emu?.stop();
  });

  it('search --select ... -q prints the uuids, not "undefined"', async () => {
    const result = await run(['task', 'search', '--where', "name like 'h-*'", '--select', 'name', '-q'], { emulator: emu });
    expect(result.exitCode, result.stderr).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.sort()).toEqual([...uuids].sort());
    for (const line of lines) expect(line).toMatch(UUID_LINE);
  });

  it('search --max N says there are more only when there are', async () => {
    const exact = await run(['task', 'search', '--where', "name like 'h-*'", '--max', '3', '-q'], { emulator: emu });
    expect(exact.stdout.split('\n')).toHaveLength(3);
    expect(exact.stderr).not.toMatch(/Showing the first/);
    const fewer = await run(['task', 'search', '--where', "name like 'h-*'", '--max', '2', '-q'], { emulator: emu });
    expect(fewer.stdout.split('\n')).toHaveLength(2);
    expect(fewer.stderr).toMatch(/Showing the first 2 tasks; use --max N to see more/);
  });

  it('--where uuid = an upper-case uuid finds the task', async () => {
    const listed = await runOk(['task', 'list', '--where', `uuid = ${uuids[0]!.toUpperCase()}`, '-q'], { emulator: emu });
    expect(listed).toBe(uuids[0]);
  });

  it('--sort takes the field names --where and the columns use (created, execution-time)', async () => {
    const byApiName = await runOk(['task', 'list', '--sort', 'creationDate:asc', '-q'], { emulator: emu });
    expect(await runOk(['task', 'list', '--sort', 'created:asc', '-q'], { emulator: emu })).toBe(byApiName);
    expect(await runOk(['task', 'list', '--sort', 'Execution-Time', '-q'], { emulator: emu })).toBe(await runOk(['task', 'list', '--sort', 'executionTime', '-q'], { emulator: emu }));
    const bad = await run(['task', 'list', '--sort', 'created:up'], { emulator: emu });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/--sort expects .* got "created:up"/);
    expect((await run(['job', 'list', '--sort', 'execution-time'], { emulator: emu })).exitCode).toBe(2);
  });
});
