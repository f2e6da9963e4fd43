// Lists as a new user reads them: newest first, and tables that keep the
// identifiers people copy whole on an 80-column terminal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliOk } from '../helpers/cli.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';

let emu: TestEmulator;
const taskIds: string[] = [];
let poolId: string;
let jobId: string;
const TABLE = { NO_COLOR: '1' };

beforeAll(async () => {
  emu = await startEmulator();
  const pool = await emu.call<{ uuid: string }>('POST', '/pools', { name: 'render farm', shortname: 'p-farm', profile: 'docker-batch', instanceCount: 1 });
  poolId = pool.body.uuid;
  const job = await emu.call<{ uuid: string }>('POST', '/jobs', { name: 'nightly renders', shortname: 'j-nightly', poolUuid: poolId });
  jobId = job.body.uuid;
  // One by one, so that creation dates follow the order of the array.
  for (const shortname of ['t-mix-recover', 't-mix-resume', 't-mix-retry']) {
    const created = await emu.call<{ uuid: string }>('POST', '/tasks', { name: `${shortname} task`, shortname, poolUuid: poolId, jobUuid: jobId, instanceCount: 1 });
    expect(created.status).toBeLessThan(300);
    taskIds.push(created.body.uuid);
  }
});

afterAll(async () => {
  await emu?.stop();
});

const lines = (out: string) => out.trimEnd().split('\n');

describe('lists are newest first', () => {
  it('task list, and --limit shows the newest', async () => {
    expect(lines(await cliOk(['task', 'list', '-q'], { emulator: emu }))).toEqual([...taskIds].reverse());
    expect(lines(await cliOk(['task', 'list', '-q', '--limit', '1'], { emulator: emu }))).toEqual([taskIds[2]]);
    // An explicit --sort still applies: oldest first.
    expect(lines(await cliOk(['task', 'list', '-q', '--sort', 'creationDate:asc'], { emulator: emu }))).toEqual(taskIds);
  });

  it('pool tasks and job tasks, in the same order', async () => {
    expect(lines(await cliOk(['pool', 'tasks', poolId, '-q'], { emulator: emu }))).toEqual([...taskIds].reverse());
    expect(lines(await cliOk(['job', 'tasks', jobId, '-q'], { emulator: emu }))).toEqual([...taskIds].reverse());
  });

  it('pool list and job list', async () => {
    const second = await emu.call<{ uuid: string }>('POST', '/jobs', { name: 'second', shortname: 'j-second' });
    expect(lines(await cliOk(['job', 'list', '-q'], { emulator: emu }))[0]).toBe(second.body.uuid);
    const pool = await emu.call<{ uuid: string }>('POST', '/pools', { name: 'second', profile: 'docker-batch', instanceCount: 1 });
    expect(lines(await cliOk(['pool', 'list', '-q'], { emulator: emu }))[0]).toBe(pool.body.uuid);
  });
});

describe('tables never cut identifiers', () => {
  it('task list at 80 columns: whole uuids and shortnames, secondary columns dropped, no line over 80', async () => {
    const out = await cliOk(['task', 'list', '--format', 'table'], { emulator: emu, env: { ...TABLE, COLUMNS: '80' } });
    for (const id of [...taskIds, 't-mix-recover', 't-mix-resume', 't-mix-retry task']) expect(out).toContain(id);
    expect(out).not.toContain('…');
    expect(lines(out)[0]).not.toContain('PROFILE');
    for (const line of lines(out)) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('job list at 80 columns keeps its own uuid whole', async () => {
    const out = await cliOk(['job', 'list', '--format', 'table'], { emulator: emu, env: { ...TABLE, COLUMNS: '80' } });
    expect(out).toContain(jobId);
    expect(out).not.toMatch(/[0-9a-f]{4}…/);
  });

  it('pool tasks at 100 columns: every uuid whole; wide terminals keep every column', async () => {
    const out = await cliOk(['pool', 'tasks', poolId, '--format', 'table'], { emulator: emu, env: { ...TABLE, COLUMNS: '100' } });
    for (const id of taskIds) expect(out).toContain(id);
    for (const line of lines(out)) expect(line.length).toBeLessThanOrEqual(100);
    const wide = await cliOk(['pool', 'tasks', poolId, '--format', 'table'], { emulator: emu, env: { ...TABLE, COLUMNS: '200' } });
    expect(lines(wide)[0]!.split(/\s+/)).toEqual(['UUID', 'NAME', 'SHORTNAME', 'STATE', 'PROGRESS', 'INSTANCES', 'PROFILE', 'CREATED']);
  });
});
