import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';
import { run } from '../helpers/run.js';
import { waitFor } from '../helpers/wait.js';

/** Creates a task through the API. */
async function createTask(emu: TestEmulator, name: string, command: string, instanceCount = 1): Promise<string> {
  const body = { name, profile: 'docker-batch', instanceCount, constants: [{ key: 'DOCKER_CMD', value: command }] };
  const res = await emu.call<{ uuid: string }>('POST', '/tasks', body);
  expect(res.status).toBe(200);
  return res.body.uuid;
}

async function stateOf(emu: TestEmulator, uuid: string): Promise<string> {
  return (await emu.call<{ state: string }>('GET', `/tasks/${uuid}`)).body.state;
}

describe('task verbs, adversarial pass', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(async () => {
    await emu?.stop();
  });

  it('stdout -f --instance N of an instance the task does not have: not found (3), not "the task was deleted"', async () => {
    const running = await createTask(emu, 'one-instance', 'sleep 30');
    await waitFor(async () => (await stateOf(emu, running)) === 'FullyExecuting', { what: 'the task to run' });
    const live = await run(['task', 'stdout', running, '--instance', '7', '-f'], { emulator: emu });
    expect(live.exitCode, live.stderr).toBe(3);
    expect(live.stderr).toMatch(/instance 7 not found/);
    expect(live.stderr).not.toMatch(/deleted/);

    const ended = await createTask(emu, 'ended', 'true');
    await waitFor(async () => (await stateOf(emu, ended)) === 'Success', { what: 'the task to end' });
    const after = await run(['task', 'stdout', ended, '--instance', '7', '-f'], { emulator: emu });
    expect(after.exitCode, after.stderr).toBe(3);
    expect(after.stderr).toMatch(/instance 7 not found/);
    await emu.call('POST', `/tasks/${running}/abort`);
  });

  it('task results refuses an empty id and "-" as DIR before sending anything', async () => {
    await emu.resetCounters();
    const empty = await run(['task', 'results', ''], { emulator: emu });
    expect(empty.exitCode, empty.stderr).toBe(2);
    expect(empty.stderr).toMatch(/ID must be a uuid or a shortname/);
    const dash = await run(['task', 'results', 'some-task', '-'], { emulator: emu });
    expect(dash.exitCode, dash.stderr).toBe(2);
    expect(dash.stderr).toMatch(/DIR: results go into a directory, not to stdout/);
    expect((await emu.requests()).total).toBe(0);
  });

  it('clone/retry of several tasks with one --shortname is refused before any is created', async () => {
    await emu.resetCounters();
    const result = await run(['task', 'clone', 'task-a', 'task-b', '--shortname', 'copy'], { emulator: emu });
    expect(result.exitCode, result.stderr).toBe(2);
    expect(result.stderr).toContain('--shortname names one task; clone of 2 tasks would give them all "copy"');
    expect((await emu.requests()).total).toBe(0);
  });

  it('wait on a task auto-deleted once done: deleted, outcome unknown (exit 1), not "not found" (3)', async () => {
    const body = { name: 'auto', profile: 'docker-batch', instanceCount: 1, autoDeleteOnCompletion: true, constants: [{ key: 'DOCKER_CMD', value: 'sleep 2' }] };
    const { uuid } = (await emu.call<{ uuid: string }>('POST', '/tasks', body)).body;
    const result = await run(['task', 'wait', uuid, '--interval', '100ms'], { emulator: emu });
    expect(result.exitCode, result.stderr).toBe(1);
    expect(result.stderr).toContain(`Task ${uuid} was deleted (auto-delete?) while`);
    expect(result.stderr).not.toContain('retrying');
  });

  it('a task name holding new lines and escape sequences stays on its line and cannot drive the terminal', async () => {
    const name = 'evil\nfake-row\t\u001b]0;pwned\u0007\u001b[2J';
    const body = { name, profile: 'docker-batch', instanceCount: 1, tags: ['evil'], constants: [{ key: 'DOCKER_CMD', value: 'exit 1' }] };
    const { uuid } = (await emu.call<{ uuid: string }>('POST', '/tasks', body)).body;
    const shown = 'evil fake-row \\x1b]0;pwned\\x07\\x1b[2J';
    const dry = await run(['task', 'delete', '--tag', 'evil', '--dry-run'], { emulator: emu });
    expect(dry.stdout.split('\t').slice(0, 2)).toEqual([uuid, shown]);
    expect(dry.stdout.split('\n')).toHaveLength(1);
    const waited = await run(['task', 'wait', uuid, '--interval', '100ms'], { emulator: emu });
    expect(waited.exitCode).toBe(1);
    expect(waited.stderr).toContain(`${shown} ${uuid}`);
    expect(waited.stderr).not.toContain('\u001b');
    expect(waited.stderr).not.toContain('\u0007');
    const asked = await run(['task', 'abort', uuid], { emulator: emu, tty: true, input: 'n\n' });
    expect(asked.stderr).toContain(`  ${uuid}  ${shown}`);
    expect(asked.stderr).not.toContain('\u0007');
  });

  it('update --tag X --untag X is refused before anything is sent', async () => {
    await emu.resetCounters();
    const result = await run(['task', 'update', 'some-task', '--tag', 'keep', '--tag', 'x', '--untag', 'x'], { emulator: emu });
    expect(result.exitCode, result.stderr).toBe(2);
    expect(result.stderr).toContain('--tag and --untag both name "x"');
    expect((await emu.requests()).total).toBe(0);
  });

  it('abort/delete results follow --json, --format jsonl and -q as other verbs do', async () => {
    const a = await createTask(emu, 'bulk-json-a', 'sleep 30');
    const b = await createTask(emu, 'bulk-json-b', 'sleep 30');
    const json = await run(['task', 'abort', a, 'no-such-task', '--yes', '--json'], { emulator: emu });
    expect(json.exitCode).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual([
      { uuid: a, result: 'aborted' },
      { uuid: 'no-such-task', result: 'failed', error: 'task "no-such-task" not found' },
    ]);
    const dry = await run(['task', 'abort', b, '--dry-run', '--json'], { emulator: emu });
    expect(JSON.parse(dry.stdout)).toEqual([{ uuid: b, name: 'bulk-json-b', state: expect.any(String) }]);
    expect((await run(['task', 'abort', b, '--dry-run', '-q'], { emulator: emu })).stdout).toBe(b);
    const quiet = await run(['task', 'abort', b, '--yes', '-q'], { emulator: emu });
    expect(quiet.stdout).toBe(b);
    const jsonl = await run(['task', 'delete', a, b, '--yes', '--format', 'jsonl'], { emulator: emu });
    expect(jsonl.stdout.split('\n').map((line) => JSON.parse(line) as unknown).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)))).toEqual(
      [{ uuid: a, result: 'deleted' }, { uuid: b, result: 'deleted' }].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
    );
  });

  it('carbon and credits by shortname ask the services (uuids only) by uuid; --json names the task by uuid', async () => {
    const body = { name: 'usage', shortname: 'usage-task', profile: 'docker-batch', instanceCount: 1, constants: [{ key: 'DOCKER_CMD', value: 'true' }] };
    const { uuid } = (await emu.call<{ uuid: string }>('POST', '/tasks', body)).body;
    const credits = await run(['task', 'credits', 'usage-task', '--json'], { emulator: emu });
    expect(credits.exitCode, credits.stderr).toBe(0);
    expect(JSON.parse(credits.stdout)).toMatchObject({ task: uuid });
    const carbon = await run(['task', 'carbon', 'usage-task', '--verbose'], { emulator: emu });
    expect(carbon.exitCode, carbon.stderr).toBe(0);
    expect(carbon.stderr).toContain(`/carbon/v1/tasks/${uuid}/carbon-facts`);
  });

  it('-f with constants written as a YAML map says the API takes a list, not "unknown field constants.A"', async () => {
    const result = await run(['task', 'create', '-f', '-', '--dry-run'], { emulator: emu, input: 'name: y\nprofile: docker-batch\nconstants:\n  A: 1\n' });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('error: -f -: constants: a list of objects, e.g. [{"key": "A", "value": "1"}] (YAML: "- key: A" then "  value: \'1\'"); got an object');
  });

  it('help exit-codes lists 143 (SIGTERM), which every command ends with when stopped so', async () => {
    // Written straight to fd 1: only a process shows it.
    const help = await cli(['help', 'exit-codes']);
    expect(help.stdout).toMatch(/^ {2}143 {2}stopped by SIGTERM$/m);
  });

  it('create and run --detach with --output DIR say how to download into DIR, which they do not do', async () => {
    const created = await run(['task', 'create', '--name', 'out-hint', '--profile', 'docker-batch', '--output', 'my results', '-c', 'DOCKER_CMD=true'], { emulator: emu });
    expect(created.exitCode, created.stderr).toBe(0);
    expect(created.stderr).toContain(`Once it ends, "qarnot task results ${created.stdout} 'my results'" downloads its results into my results`);
    const detached = await run(['task', 'run', '--name', 'out-hint2', '--profile', 'docker-batch', '--output', 'out', '-d', '-c', 'DOCKER_CMD=true'], { emulator: emu });
    expect(detached.stderr).toContain(`"qarnot task results ${detached.stdout} out"`);
  });

  it('snapshot without --wait does not offer a command that would trigger a second snapshot', async () => {
    const uuid = await createTask(emu, 'snap-hint', 'sleep 30');
    await waitFor(async () => (await stateOf(emu, uuid)) === 'FullyExecuting', { what: 'the task to run' });
    const result = await run(['task', 'snapshot', uuid], { emulator: emu });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stderr).toBe('Snapshot triggered; with --wait, "task snapshot" also waits until it is uploaded');
    await emu.call('POST', `/tasks/${uuid}/abort`);
  });

  it.each(['forwards', 'carbon', 'credits'])('%s --fields with a field it does not have is refused (2), not an empty column', async (verb) => {
    await emu.resetCounters();
    const result = await run(['task', verb, 'some-task', '--fields', 'nope'], { emulator: emu });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('--fields: unknown field "nope"');
    expect((await emu.requests()).total).toBe(0);
  });

  it('ssh into a task that asks for no SSH port says so at once, even off a terminal', async () => {
    const uuid = await createTask(emu, 'no-ssh', 'sleep 30');
    const result = await run(['task', 'ssh', uuid, '--print', '--timeout', '1s'], { emulator: emu });
    expect(result.exitCode).toBe(124);
    expect(result.stderr).toContain(`task ${uuid} asks for no inbound port 22 (create it with --ssh-key FILE)`);
    await emu.call('POST', `/tasks/${uuid}/abort`);
  });

  it('ssh --instance N of an instance the task does not have: not found at once (3), not after --timeout', async () => {
    const uuid = await createTask(emu, 'two-instances', 'sleep 30', 2);
    const result = await run(['task', 'ssh', uuid, '--print', '--instance', '5', '--timeout', '20s'], { emulator: emu });
    expect(result.exitCode, result.stderr).toBe(3);
    expect(result.stderr).toContain(`task ${uuid} has no instance 5 (its instances: 0-1)`);
    await emu.call('POST', `/tasks/${uuid}/abort`);
  });

  // ---- abort run again

  it('an already aborted task counts as aborted (a retry whose answer was lost, a re-run); an ended one still fails', async () => {
    const uuid = await createTask(emu, 'to-abort', 'sleep 30');
    expect((await run(['task', 'abort', uuid, '--yes'], { emulator: emu })).exitCode).toBe(0);
    await waitFor(async () => (await stateOf(emu, uuid)) === 'Cancelled', { what: 'the task to be cancelled' });
    const again = await run(['task', 'abort', uuid, '--yes'], { emulator: emu });
    expect(again.exitCode, again.stdout + again.stderr).toBe(0);
    expect(again.stdout).toBe(`${uuid}\taborted`);

    const ended = await createTask(emu, 'ended', 'true');
    await waitFor(async () => (await stateOf(emu, ended)) === 'Success', { what: 'the task to end' });
    const refused = await run(['task', 'abort', ended, '--yes'], { emulator: emu });
    expect(refused.exitCode).toBe(1);
    expect(refused.stdout).toMatch(/failed\t.*Success/);
  });

  it('abort --tag picks only tasks that have not ended: a batch half done aborts the rest, exit 0', async () => {
    const make = async (name: string, command: string) =>
      (await emu.call<{ uuid: string }>('POST', '/tasks', { name, profile: 'docker-batch', instanceCount: 1, tags: ['half-done'], constants: [{ key: 'DOCKER_CMD', value: command }] })).body.uuid;
    const done = await make('done', 'true');
    const running = await make('running', 'sleep 30');
    await waitFor(async () => (await stateOf(emu, done)) === 'Success', { what: 'the task to end' });
    const result = await run(['task', 'abort', '--tag', 'half-done', '--yes'], { emulator: emu });
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toBe(`${running}\taborted`);
    // Asked for by state, an ended task is still selected, and its abort refused.
    expect((await run(['task', 'abort', '--tag', 'half-done', '--state', 'Success', '--yes'], { emulator: emu })).exitCode).toBe(1);
  });

  // ---- delete/abort by id: what the ids name is shown before acting

  it('the dry run lists uuid, name and state of a prefix or shortname, each task once; unknown ids are not found', async () => {
    const body = { name: 'named-task', shortname: 'named', profile: 'docker-batch', instanceCount: 1, constants: [{ key: 'DOCKER_CMD', value: 'true' }] };
    const { uuid } = (await emu.call<{ uuid: string }>('POST', '/tasks', body)).body;
    const dry = await run(['task', 'delete', uuid.slice(0, 8), 'named', uuid, '--dry-run'], { emulator: emu });
    expect(dry.exitCode, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(new RegExp(`^${uuid}\tnamed-task\t\\w+$`));
    expect(dry.stderr).toMatch(/would delete 1 task$/);

    const some = await run(['task', 'abort', 'named', 'no-such-task', '--dry-run'], { emulator: emu });
    expect(some.exitCode).toBe(1);
    expect(some.stdout.split('\t')[0]).toBe(uuid);
    expect(some.stderr).toContain('task "no-such-task" not found');
    const none = await run(['task', 'delete', 'no-such-task', '--dry-run'], { emulator: emu });
    expect(none.exitCode).toBe(3);
    expect(none.stdout).toBe('');

    await emu.resetCounters();
    const asked = await run(['task', 'delete', uuid.slice(0, 8)], { emulator: emu, tty: true, input: 'n\n' });
    expect(asked.exitCode, asked.stderr).toBe(0);
    expect(asked.stderr).toContain(`  ${uuid}  named-task`);
    expect((await emu.requests()).byRoute['DELETE /tasks/{uuid}'] ?? 0).toBe(0);
  });

  it('Ctrl-D or the end of input at the question answers no (exit 0); Ctrl-C is interrupted (130); no "unexpected error"', async () => {
    const { uuid } = (await emu.call<{ uuid: string }>('POST', '/tasks', { name: 'keep-me', profile: 'docker-batch', instanceCount: 1 })).body;
    await emu.resetCounters();
    for (const input of ['\u0004', '']) {
      const result = await run(['task', 'delete', uuid], { emulator: emu, tty: true, input });
      expect(result.exitCode, result.stderr).toBe(0);
      expect(result.stderr).toContain('Delete 1 task? [y/N]');
      expect(result.stderr).not.toContain('error');
    }
    const interrupted = await run(['task', 'delete', uuid], { emulator: emu, tty: true, input: '\u0003' });
    expect(interrupted.exitCode, interrupted.stderr).toBe(130);
    expect(interrupted.stderr).not.toContain('error');
    expect((await emu.requests()).byRoute['DELETE /tasks/{uuid}'] ?? 0).toBe(0);
  });
});
