import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { run, runOk } from '../helpers/run.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';
import { waitFor } from '../helpers/wait.js';

let emu: TestEmulator;
const BOB = { email: 'bob@example.com', token: 'bob-token-0123456789' };
const EVE = { email: 'eve@example.com', token: 'eve-token-0123456789' };

async function createAs(token: string, body: unknown): Promise<string> {
  const res = await request(`${emu.url}/tasks`, { method: 'POST', headers: { authorization: token, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.body.json()) as { uuid: string };
  expect(res.statusCode).toBe(200);
  return json.uuid;
}

beforeAll(async () => {
  emu = await startEmulator([
    '--account', `${BOB.email}:${BOB.token}`,
    '--account', `${EVE.email}:${EVE.token}`,
    '--read-grant', `emulator@qarnot.local:${BOB.email}`,
  ]);
  const task = (name: string, tags: string[], command: string) => ({
    name,
    profile: 'docker-batch',
    instanceCount: 1,
    tags,
    constants: [{ key: 'DOCKER_CMD', value: command }],
  });
  for (const [name, tags, command] of [
    ['render-1', ['urgent'], 'exit 1'],
    ['render-2', [], 'exit 1'],
    ['render-3', ['urgent'], 'true'],
    ['encode-1', ['urgent'], 'exit 1'],
    ['encode-2', [], 'true'],
  ] as const) {
    await createAs(emu.token, task(name, [...tags], command));
  }
  await createAs(BOB.token, task('bob-task', ['bob'], 'true'));
  await waitFor(async () => {
    const page = await emu.call<{ total: number }>('POST', '/tasks/paginate', {
      filter: { field: 'State', operator: 'In', values: ['Success', 'Failure'] },
      maximumResults: 1,
    });
    return page.body.total === 5;
  }, { what: 'tasks to end' });
});

afterAll(async () => {
  await emu?.stop();
});

const names = (stdout: string) => stdout.trim().split('\n').filter(Boolean).sort();

describe('task search --where', () => {
  const where = "state = Failure and (name like 'render-*' or tags has urgent) and created > -1d";

  it('returns exactly what the equivalent paginate filter returns', async () => {
    const searched = names(await runOk(['task', 'search', '--where', where, '--fields', 'name'], { emulator: emu }));
    expect(searched).toEqual(['encode-1', 'render-1', 'render-2']);
    const listed = names(await runOk(['task', 'list', '--all', '--where', where, '--fields', 'name'], { emulator: emu }));
    expect(listed).toEqual(searched);
    const { filter } = JSON.parse(await runOk(['task', 'search', '--where', where, '--print-filter'], { emulator: emu })) as { filter: unknown };
    const page = await emu.call<{ data: { name: string }[] }>('POST', '/tasks/paginate', { filter, maximumResults: 100 });
    expect(page.body.data.map((t) => t.name).sort()).toEqual(searched);
  });

  it('keeps only the --select fields, in every format', async () => {
    const json = JSON.parse(await runOk(['task', 'search', '--where', 'state in (Success, Failure)', '--select', 'name,state', '--json'], { emulator: emu })) as Record<string, unknown>[];
    expect(json).toHaveLength(5);
    for (const item of json) expect(Object.keys(item).sort()).toEqual(['name', 'state']);
    const tsv = await runOk(['task', 'search', '--where', "name = 'encode-2'", '--select', 'name,state'], { emulator: emu });
    expect(tsv).toBe('encode-2\tSuccess');
    expect(names(await runOk(['task', 'search', '--where', 'not (tags has urgent)', '--fields', 'name'], { emulator: emu }))).toEqual(['encode-2', 'render-2']);
  });

  it('prints the filter and sends nothing; points at a syntax error', async () => {
    await emu.resetCounters();
    const printed = JSON.parse(await runOk(['task', 'search', '--where', 'state = Success', '--print-filter'], { emulator: emu }));
    expect(printed.filter).toEqual({ field: 'State', operator: 'Equal', value: 'Success' });
    const bad = await run(['task', 'search', '--where', 'state = '], { emulator: emu });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/--where: .* column 9\n\s+state = \n\s+\^/);
    const unknown = await run(['pool', 'search', '--where', 'colour = red'], { emulator: emu });
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toMatch(/unknown field "colour".*known fields: /);
    expect((await emu.requests()).total).toBe(0);
  });
});

describe('--as: read-only access to another account', () => {
  it('reads the other account when allowed', async () => {
    expect(names(await runOk(['task', 'list', '--as', BOB.email, '--fields', 'name'], { emulator: emu }))).toEqual(['bob-task']);
    expect(names(await runOk(['task', 'list', '--fields', 'name'], { emulator: emu, env: { QARNOT_READ_AS: BOB.email } }))).toEqual(['bob-task']);
    expect(names(await runOk(['task', 'search', '--where', 'tags has bob', '--as', BOB.email, '--fields', 'name'], { emulator: emu }))).toEqual(['bob-task']);
  });

  it('is refused by the API without a grant (exit 4)', async () => {
    const denied = await run(['task', 'list', '--as', EVE.email], { emulator: emu });
    expect(denied.exitCode).toBe(4);
  });

  it('refuses a write verb before sending anything (exit 2)', async () => {
    await emu.resetCounters();
    const writes = [
      ['task', 'create', '--name', 'x', '--profile', 'docker-batch', '--as', BOB.email],
      ['task', 'delete', '--all', '--yes', '--as', BOB.email],
      ['pool', 'close', 'some-pool', '--as', BOB.email],
      ['job', 'terminate', 'some-job', '--as', BOB.email],
    ];
    for (const args of writes) {
      const result = await run(args, { emulator: emu });
      expect(result.exitCode, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/--as gives read-only access/);
    }
    expect((await emu.requests()).total).toBe(0);
  });
});
