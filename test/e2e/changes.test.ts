import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';
import { run, runOk } from '../helpers/run.js';
import { waitFor } from '../helpers/wait.js';

// The output contract of changes, the confirmation rule and not-found exits, the same
// for task, pool and job (issue 18 #5, #13, #17-#20). In process: nothing here needs one.

const UUID_LINE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let emu: TestEmulator;
const opts = () => ({ emulator: emu });
const createTask = async (name: string, tag: string, command = 'sleep 60') => {
  const body = { name, profile: 'docker-batch', instanceCount: 1, tags: [tag], constants: [{ key: 'DOCKER_CMD', value: command }] };
  return (await emu.call<{ uuid: string }>('POST', '/tasks', body)).body.uuid;
};
const createPool = async (name: string, tag: string) =>
  (await emu.call<{ uuid: string }>('POST', '/pools', { name, profile: 'docker-batch', instanceCount: 1, tags: [tag] })).body.uuid;

beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu?.stop();
});

describe('create, clone, retry, update: the uuid on stdout, one confirmation line on stderr that -q silences', () => {
  const creates: [string, string[]][] = [
    ['task', ['task', 'create', '--name', 'c-task', '--profile', 'docker-batch', '-c', 'DOCKER_CMD=true']],
    ['pool', ['pool', 'create', '--name', 'c-pool', '--profile', 'docker-batch']],
    ['job', ['job', 'create', '--name', 'c-job']],
  ];

  it.each(creates)('%s create', async (noun, args) => {
    const plain = await run(args, opts());
    expect(plain.exitCode, plain.stderr).toBe(0);
    expect(plain.stdout).toMatch(UUID_LINE);
    expect(plain.stderr).toMatch(new RegExp(`^✓ Created ${noun} "c-${noun}" ${plain.stdout}$`));
    const json = await run([...args, '--json'], opts());
    expect(Object.keys(JSON.parse(json.stdout))).toEqual(['uuid']);
    const quiet = await run([...args, '-q'], opts());
    expect(quiet.stdout).toMatch(UUID_LINE);
    expect(quiet.stderr).toBe('');
  });

  it('pool clone and task update follow the same contract', async () => {
    const pool = await createPool('to-clone', 'clone');
    const cloned = await run(['pool', 'clone', pool, '--name', 'copy'], opts());
    expect(cloned.stdout).toMatch(UUID_LINE);
    expect(cloned.stderr).toBe(`✓ Created pool ${cloned.stdout}: a copy of ${pool}`);
    const task = await createTask('to-update', 'update');
    expect(await run(['task', 'update', task, '--tag', 'x', '-q'], opts())).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect((await run(['task', 'update', task, '--tag', 'y'], opts())).stderr).toBe(`✓ Updated task ${task}`);
  });

  it('dry runs print the body on stdout and one line on stderr that -q silences', async () => {
    const dry = await run(['job', 'create', '--name', 'dry', '--dry-run'], opts());
    expect(JSON.parse(dry.stdout)).toEqual({ name: 'dry' });
    expect(dry.stderr).toBe('Dry run: would create job "dry"; nothing sent');
    expect((await run(['job', 'create', '--name', 'dry', '--dry-run', '-q'], opts())).stderr).toBe('');
  });
});

describe('clone, retry, recover, resume take several ids', () => {
  it('one new uuid per line, in the order of the ids', async () => {
    const a = await createTask('multi-a', 'multi', 'true');
    const b = await createTask('multi-b', 'multi', 'true');
    const out = await runOk(['task', 'clone', a, b, '-q'], opts());
    const uuids = out.split('\n');
    expect(uuids).toHaveLength(2);
    const names = await Promise.all(uuids.map(async (u) => (await emu.call<{ name: string }>('GET', `/tasks/${u}`)).body.name));
    expect(names).toEqual(['multi-a', 'multi-b']);
  });

  it('stops at the first id not found: exit 3, the lines printed match the ids before it', async () => {
    const a = await createTask('stop-a', 'stop', 'true');
    const result = await run(['task', 'clone', a, 'no-such-task', a], opts());
    expect(result.exitCode).toBe(3);
    expect(result.stdout.split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/no-such-task/);
  });
});

describe('one confirmation rule for every destructive verb', () => {
  it.each([
    ['pool', 'close'],
    ['job', 'terminate'],
  ])('%s %s refuses without --yes off a terminal, asks on one', async (noun, verb) => {
    const id = noun === 'pool' ? await createPool('confirm', 'confirm') : (await emu.call<{ uuid: string }>('POST', '/jobs', { name: 'confirm' })).body.uuid;
    await emu.resetCounters();
    const refused = await run([noun, verb, id], opts());
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toMatch(/pass --yes/);
    const no = await run([noun, verb, id], { ...opts(), tty: true, input: 'n\n' });
    expect(no.exitCode).toBe(0);
    expect(no.stderr).toMatch(new RegExp(`\\? \\[y/N\\]`));
    expect((await emu.requests()).byRoute[`POST /${noun}s/{uuid}/${verb}`] ?? 0).toBe(0);
    const yes = await run([noun, verb, id], { ...opts(), tty: true, input: 'y\n' });
    expect(yes.exitCode, yes.stderr).toBe(0);
    expect(yes.stdout).toMatch(/✓/);
  });
});

describe('delete --purge names the buckets it takes before asking', () => {
  it('lists them under the tasks on a terminal; "n" deletes nothing', async () => {
    const { uuid } = (await emu.call<{ uuid: string }>('POST', '/tasks', { name: 'purge-ask', profile: 'docker-batch', instanceCount: 1, resourceBuckets: ['shared-in'], resultBucket: 'purge-out' })).body;
    await emu.resetCounters();
    const no = await run(['task', 'delete', uuid, '--purge'], { ...opts(), tty: true, input: 'n\n' });
    expect(no.exitCode, no.stderr).toBe(0);
    expect(no.stderr).toContain('  buckets deleted with them: purge-out, shared-in\n');
    expect((await emu.requests()).byRoute['DELETE /tasks/{uuid}'] ?? 0).toBe(0);
  });
});

describe('scripts never act on a silent subset', () => {
  it.each([
    [['task', 'wait', '--tag', 'no-such-tag']],
    [['task', 'abort', '--tag', 'no-such-tag', '--yes']],
    [['task', 'delete', '--tag', 'no-such-tag', '--yes']],
    [['pool', 'close', '--tag', 'no-such-tag', '--yes']],
  ])('%j: a selector matching nothing says so and exits 3', async (args) => {
    const result = await run(args, opts());
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toMatch(/^error: no (tasks|pools) matched; nothing to/);
  });

  it('not found exits 3 for bulk verbs too; 1 when only some were not found, with per-item lines', async () => {
    const missing = await run(['task', 'abort', 'no-such-task', '--yes'], opts());
    expect(missing.exitCode).toBe(3);
    expect(missing.stdout).toMatch(/^no-such-task\tfailed\t.*not found/);
    const task = await createTask('some-found', 'some');
    const some = await run(['task', 'abort', task, 'no-such-task', '--yes'], opts());
    expect(some.exitCode).toBe(1);
    const lines = some.stdout.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines).toContain(`${task}\taborted`);
    expect(lines.find((l) => l.startsWith('no-such-task'))).toMatch(/\tfailed\t/);
    expect((await run(['task', 'wait', 'no-such-task', '--timeout', '10s'], opts())).exitCode).toBe(3);
  });

  it('search says when --max cut its results, even with -q', async () => {
    await createTask('cut-1', 'cut', 'true');
    await createTask('cut-2', 'cut', 'true');
    const cut = await run(['task', 'search', '--where', 'tags has cut', '--max', '1', '-q'], opts());
    expect(cut.stdout.split('\n')).toHaveLength(1);
    expect(cut.stderr).toBe('Showing the first 1 task; use --max N to see more');
    expect((await run(['task', 'search', '--where', 'tags has cut', '-q'], opts())).stderr).toBe('');
  });

  it('the truncation hint goes to stderr even with -q', async () => {
    await createTask('hint-1', 'hint', 'true');
    await createTask('hint-2', 'hint', 'true');
    const result = await run(['task', 'list', '--tag', 'hint', '--limit', '1', '-q'], opts());
    expect(result.stdout.split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^Showing 1 of 2 tasks; use --limit N or --all/);
  });
});

describe('stored settings are a context; --profile after the verb is always the execution profile', () => {
  it('a global --profile before the noun never reaches the body of task create', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qarnot-test-context-'));
    const file = join(dir, 'task.json');
    writeFileSync(file, JSON.stringify({ name: 'in-pool', poolUuid: '00000000-0000-4000-8000-000000000001', constants: [] }));
    const config = { configDir: dir, env: { QARNOT_CLUSTER_URL: emu.url, QARNOT_CLIENT_TOKEN: emu.token } };
    await runOk(['context', 'add', 'staging', '--api-url', emu.url], config);
    const result = await run(['--profile', 'staging', 'task', 'create', '-f', file, '--dry-run'], config);
    expect(result.exitCode, result.stderr).toBe(0);
    const body = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(body.poolUuid).toBe('00000000-0000-4000-8000-000000000001');
    expect(body).not.toHaveProperty('profile');
    const exec = JSON.parse(await runOk(['--context', 'staging', 'task', 'create', '--name', 'x', '--profile', 'docker-batch', '--dry-run'], config));
    expect(exec.profile).toBe('docker-batch');
  });
});

it('waits for completion in process too (polling with a deadline)', async () => {
  const task = await createTask('quick', 'quick', 'true');
  await waitFor(async () => (await emu.call<{ state: string }>('GET', `/tasks/${task}`)).body.state === 'Success', { what: 'the task to succeed' });
  expect(await runOk(['task', 'wait', task, '-q'], opts())).toBe(task);
});
