// Ids as people type them (issue 18): shortnames in --where clauses on uuid fields (#7), uuid prefixes (#3).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliOk } from '../helpers/cli.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';

let emu: TestEmulator;
let poolTasks: string[];
let jobTask: string;
let loneTask: string;

const create = async (path: string, body: Record<string, unknown>) => (await emu.call<{ uuid: string }>('POST', path, body)).body.uuid;
const task = (name: string, extra: Record<string, unknown>) => create('/tasks', { name, shortname: name, instanceCount: 1, constants: [{ key: 'DOCKER_CMD', value: 'true' }], ...extra });
const lines = (text: string) => text.split('\n').filter(Boolean).sort();

beforeAll(async () => {
  emu = await startEmulator();
  const pool = await create('/pools', { name: 'where-pool', shortname: 'where-pool', profile: 'docker-batch', instanceCount: 1 });
  const job = await create('/jobs', { name: 'where-job', shortname: 'where-job' });
  poolTasks = [await task('in-pool-1', { poolUuid: pool }), await task('in-pool-2', { poolUuid: pool })];
  jobTask = await task('in-job', { jobUuid: job, profile: 'docker-batch' });
  loneTask = await task('lone', { profile: 'docker-batch' });
});

afterAll(async () => {
  await emu?.stop();
});

describe('--where on pool, job and uuid fields', () => {
  it("task list --where 'pool = SHORTNAME' lists that pool's tasks, with one GET per distinct shortname", async () => {
    await emu.resetCounters();
    const listed = await cliOk(['task', 'list', '--where', 'pool = where-pool or pool = where-pool', '-q'], { emulator: emu });
    expect(lines(listed)).toEqual([...poolTasks].sort());
    expect((await emu.requests()).byRoute['GET /pools/{uuid}']).toBe(1);
  });

  it('job =, uuid in and != are resolved too, in list and search', async () => {
    expect(await cliOk(['task', 'list', '--where', 'job = where-job', '-q'], { emulator: emu })).toBe(jobTask);
    expect(lines(await cliOk(['task', 'search', '--where', "uuid in (lone, 'in-pool-1')", '-q'], { emulator: emu }))).toEqual([loneTask, poolTasks[0]].sort());
    const others = lines(await cliOk(['task', 'search', '--where', 'pool != where-pool', '-q'], { emulator: emu }));
    expect(others).toEqual([jobTask, loneTask].sort());
  });

  it('an unknown shortname: exit 3, one line, nothing listed', async () => {
    const result = await cli(['task', 'list', '--where', 'pool = no-such-pool'], { emulator: emu });
    expect(result.exitCode).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/--where: pool "no-such-pool" not found/)]);
  });
});

describe('a uuid prefix as an id', () => {
  it('names the one task or pool whose uuid starts so, for reads and writes', async () => {
    const shown = JSON.parse(await cliOk(['task', 'show', loneTask.slice(0, 7), '--json'], { emulator: emu })) as { uuid: string };
    expect(shown.uuid).toBe(loneTask);
    const pool = (await emu.call<{ uuid: string }>('GET', '/pools/where-pool')).body.uuid;
    expect(await cliOk(['pool', 'show', pool.slice(0, 13), '--fields', 'shortname'], { emulator: emu })).toBe('shortname\twhere-pool');
    await cliOk(['task', 'update', jobTask.slice(0, 8), '--tag', 'by-prefix'], { emulator: emu });
    expect((await emu.call<{ tags: string[] }>('GET', `/tasks/${jobTask}`)).body.tags).toEqual(['by-prefix']);
  });

  it('a shortname equal to the prefix wins; a prefix of nothing is not found (exit 3)', async () => {
    const prefix = loneTask.slice(0, 6);
    const named = await task(prefix, { profile: 'docker-batch' });
    expect(await cliOk(['task', 'show', prefix, '--fields', 'uuid'], { emulator: emu })).toBe(`uuid\t${named}`);
    const missing = await cli(['task', 'show', 'ffffffff-fff'], { emulator: emu });
    expect(missing.exitCode).toBe(3);
    expect(missing.stderr).toMatch(/task "ffffffff-fff" not found/);
  });
});
