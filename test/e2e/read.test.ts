import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliOk, tempConfigDir } from '../helpers/cli.js';
import { run, runOk } from '../helpers/run.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';
import { BIN } from '../helpers/paths.js';
import { waitFor } from '../helpers/wait.js';

let emu: TestEmulator;
const TASKS = 300;
let firstUuid: string;

beforeAll(async () => {
  emu = await startEmulator();
  const bodies = Array.from({ length: TASKS }, (_, i) => ({
    name: `bulk-${String(i).padStart(3, '0')}`,
    shortname: `bulk-${i}`,
    profile: 'docker-batch',
    instanceCount: 1,
    tags: i % 2 === 0 ? ['even', 'bulk'] : ['odd', 'bulk'],
  }));
  const created = await emu.call<{ uuid: string }[]>('POST', '/tasks', bodies);
  expect(created.status).toBeLessThan(300);
  firstUuid = created.body[0]!.uuid;
  // Every task has reached a final state before the read tests look at them.
  await waitFor(async () => {
    const page = await emu.call<{ total: number }>('POST', '/tasks/paginate', {
      maximumResults: 1,
      filter: { field: 'State', operator: 'Equal', value: 'Success' },
    });
    return page.body.total === TASKS;
  }, { timeout: 30_000, what: 'all tasks to succeed' });
  await emu.call('POST', '/pools', { name: 'pool-a', shortname: 'pool-a', profile: 'docker-batch', instanceCount: 1 });
  await emu.call('POST', '/jobs', { name: 'job-a', shortname: 'job-a' });
});

afterAll(async () => {
  await emu?.stop();
});

describe('read commands against the emulator', () => {
  it('lists tasks as TSV when piped, 50 by default with a hint on stderr', async () => {
    const result = await run(['task', 'list'], { emulator: emu });
    expect(result.exitCode).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(50);
    expect(lines[0]!.split('\t')).toHaveLength(8);
    expect(result.stderr).toMatch(/Showing 50 of 300 tasks; use --limit N or --all/);
  });

  it('walks every page with --all and streams jsonl', async () => {
    await emu.resetCounters();
    const stdout = await runOk(['task', 'list', '--all', '--format', 'jsonl'], { emulator: emu });
    const tasks = stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { uuid: string });
    expect(tasks).toHaveLength(TASKS);
    expect(new Set(tasks.map((t) => t.uuid)).size).toBe(TASKS);
    const counts = await emu.requests();
    expect(Object.entries(counts.byRoute).filter(([route]) => route.includes('paginate')).reduce((n, [, c]) => n + c, 0)).toBeGreaterThan(1);
  });

  it('prints ids with -q, JSON objects unchanged with --json, and picks --fields', async () => {
    const ids = (await runOk(['task', 'list', '-q', '--limit', '5'], { emulator: emu })).trimEnd().split('\n');
    expect(ids).toHaveLength(5);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const json = JSON.parse(await runOk(['task', 'show', firstUuid, '--json'], { emulator: emu })) as Record<string, unknown>;
    expect(json).toMatchObject({ uuid: firstUuid, name: 'bulk-000', state: 'Success' });
    expect(json).toHaveProperty('status');
    const fields = JSON.parse(await runOk(['task', 'show', 'bulk-0', '--json', '--fields', 'name,status.executionProgress'], { emulator: emu }));
    expect(fields).toEqual({ name: 'bulk-000', status: { executionProgress: 100 } });
    const tsv = await runOk(['task', 'list', '--limit', '2', '--fields', 'name,state', '--sort', 'name:asc'], { emulator: emu });
    expect(tsv).toBe('bulk-000\tSuccess\nbulk-001\tSuccess');
  });

  it('filters by tag, name, state, dates and --where', async () => {
    const count = async (args: string[]) => (await runOk(['task', 'list', '--all', '-q', ...args], { emulator: emu })).trim().split('\n').filter(Boolean).length;
    expect(await count(['--tag', 'even'])).toBe(150);
    expect(await count(['--tag', 'even', '--tag', 'odd'])).toBe(300);
    expect(await count(['--tags-all', 'even', '--tags-all', 'bulk'])).toBe(150);
    expect(await count(['--name', 'bulk-007'])).toBe(1);
    expect(await count(['--name-like', 'bulk-01*'])).toBe(10);
    expect(await count(['--state', 'failure'])).toBe(0);
    expect(await count(['--created-after', '-1h'])).toBe(300);
    expect(await count(['--created-before', '2020-01-01'])).toBe(0);
    expect(await count(['--where', "name like 'bulk-00*' and tags has even"])).toBe(5);
  });

  // Colour is decided from the process's environment and terminal: the built binary's job.
  it('lists tasks in a table on request, and honours NO_COLOR', async () => {
    const stdout = await cliOk(['task', 'list', '--limit', '3', '--format', 'table'], { emulator: emu, env: { NO_COLOR: '1', FORCE_COLOR: undefined } });
    expect(stdout.split('\n')[0]).toMatch(/^UUID\s+NAME\s+SHORTNAME\s+STATE/);
    expect(stdout.includes('\u001b[')).toBe(false);
    const forced = await cliOk(['task', 'list', '--limit', '3', '--format', 'table'], { emulator: emu, env: { FORCE_COLOR: '1' } });
    expect(forced.includes('\u001b[')).toBe(true);
  });

  it('shows pools, jobs, profiles, hardware, account, status, versions and settings', async () => {
    expect(await runOk(['pool', 'list', '-q'], { emulator: emu })).toMatch(/^[0-9a-f-]{36}$/);
    expect(await runOk(['pool', 'show', 'pool-a', '--fields', 'name'], { emulator: emu })).toBe('name\tpool-a');
    expect(await runOk(['pool', 'tasks', 'pool-a'], { emulator: emu })).toBe('');
    expect(await runOk(['pool', 'jobs', 'pool-a'], { emulator: emu })).toBe('');
    expect(await runOk(['job', 'list', '--fields', 'name,state'], { emulator: emu })).toBe('job-a\tActive');
    expect(await runOk(['job', 'show', 'job-a', '--json', '--fields', 'state'], { emulator: emu })).toBe('{\n  "state": "Active"\n}');
    expect(await runOk(['job', 'tasks', 'job-a', '-q'], { emulator: emu })).toBe('');
    expect(await runOk(['profile', 'list'], { emulator: emu })).toMatch(/^docker-batch$/m);
    expect(await runOk(['profile', 'show', 'docker-batch'], { emulator: emu })).toMatch(/^DOCKER_CMD\t/m);
    const hardware = (await runOk(['hardware', 'list', '--format', 'jsonl'], { emulator: emu })).trim().split('\n');
    expect(hardware.length).toBeGreaterThan(0);
    for (const line of hardware) expect(JSON.parse(line)).toHaveProperty('discriminator');
    expect(JSON.parse(await runOk(['account', '--json'], { emulator: emu }))).toMatchObject({ email: expect.any(String), taskCount: TASKS });
    expect(await runOk(['status'], { emulator: emu })).toMatch(/^authenticated\tyes$/m);
    expect(await runOk(['versions', '-q'], { emulator: emu })).toMatch(/^v\d/);
    expect(JSON.parse(await runOk(['settings', '--json'], { emulator: emu }))).toHaveProperty('storage');
  });

  it('exits 4 on a wrong token, 3 on an unknown id, never printing the token', async () => {
    const wrong = await run(['task', 'list'], { env: { QARNOT_CLUSTER_URL: emu.url, QARNOT_CLIENT_TOKEN: 'definitely-wrong-token' } });
    expect(wrong.exitCode).toBe(4);
    // The token came from the environment: logging in again would not replace it.
    expect(wrong.stderr).toMatch(/^error: authentication failed.*; the token in QARNOT_CLIENT_TOKEN was refused: check it, or unset it and run "qarnot login"$/);
    // A stored token: a new login, in the context it came from.
    const configDir = tempConfigDir();
    await runOk(['login', '--context', 'stage', '--api-url', emu.url, '--with-token', '--no-check'], { configDir, input: 'stored-wrong-token\n' });
    const stored = await run(['task', 'list', '--context', 'stage'], { configDir });
    expect(stored.exitCode).toBe(4);
    expect(stored.stderr).toMatch(/; run "qarnot login --context stage" to store a new token, or set QARNOT_CLIENT_TOKEN$/);
    const missing = await run(['task', 'show', 'no-such-task'], { emulator: emu });
    expect(missing.exitCode).toBe(3);
    expect(missing.stderr).toBe('error: task "no-such-task" not found');
    expect((await run(['profile', 'show', 'nope'], { emulator: emu })).exitCode).toBe(3);
  });

  it('rejects bad flags with exit 2 and sends nothing', async () => {
    await emu.resetCounters();
    const cases: [string[], RegExp][] = [
      [['task', 'list', '--bogus'], /unknown option '--bogus'/],
      [['task', 'list', '--limit', '0'], /--limit must be an integer/],
      [['task', 'list', '--state', 'Done'], /--state must be one of/],
      [['task', 'list', '--format', 'xml'], /--format/],
      [['task', 'list', '--created-after', 'someday'], /--created-after/],
      [['task', 'list', '--sort', 'colour'], /--sort/],
      [['task', 'list', '--all', '--limit', '3'], /--all and --limit/],
      [['task', 'list', '--where', 'state = '], /--where/],
      [['task', 'show', 'bad_shortname!'], /ID/],
      [['task', 'list', '--json', '--format', 'tsv'], /--json conflicts/],
    ];
    for (const [args, message] of cases) {
      const result = await run(args, { emulator: emu });
      expect(result.exitCode, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(message);
      expect(result.stdout).toBe('');
    }
    expect((await emu.requests()).total).toBe(0);
  });

  it('exits quietly when piped into head', async () => {
    const result = await execa('bash', ['-c', `node ${BIN} task list --all --format json | head -1; echo "status=\${PIPESTATUS[0]}" >&2`], {
      env: { QARNOT_CLUSTER_URL: emu.url, QARNOT_CLIENT_TOKEN: emu.token, QARNOT_CONFIG_DIR: '/tmp/qarnot-head-test', PATH: process.env.PATH },
      extendEnv: false,
      reject: false,
    });
    expect(result.stdout).toBe('[');
    expect(result.stderr).toMatch(/status=0/);
    expect(result.stderr).not.toMatch(/EPIPE|Error|at /);
  });
});
