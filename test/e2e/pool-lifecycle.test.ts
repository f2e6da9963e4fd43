import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliOk } from '../helpers/cli.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';
import { BIN } from '../helpers/paths.js';
import { waitFor } from '../helpers/wait.js';

let emu: TestEmulator;
const dir = mkdtempSync(join(tmpdir(), 'qarnot-pool-test-'));
// The global --profile (stored connection profile) takes `--profile` wherever
// it appears, so the execution profile comes from a file here (see report).
const profileFile = join(dir, 'profile.json');
writeFileSync(profileFile, JSON.stringify({ profile: 'docker-batch' }));

beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.stop());

interface PoolJson {
  uuid: string;
  name: string;
  state: string;
  instanceCount: number;
  constants: { key: string; value: string }[];
  tags: string[];
  elasticProperty: Record<string, unknown>;
  runningInstanceCount: number;
}

const show = async (id: string) => JSON.parse(await cliOk(['pool', 'show', id, '--json'], { emulator: emu })) as PoolJson;

async function createPool(args: string[]): Promise<string> {
  const out = await cli(['pool', 'create', '-f', profileFile, ...args], { emulator: emu });
  expect(out.exitCode, out.stderr).toBe(0);
  expect(out.stderr).toMatch(/Created pool/);
  return out.stdout.trim();
}

describe('pool lifecycle', () => {
  it('creates from flags over a file, waits until ready, updates, syncs and closes', async () => {
    const id = await createPool(['--name', 'farm', '--shortname', 'farm-1', '-n', '2', '-c', 'A=1', '-c', 'B=2', '--tag', 'nightly', '--elastic-max-slots', '4']);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await cliOk(['pool', 'wait', 'farm-1', '--timeout', '20s', '--interval', '100ms'], { emulator: emu });
    const ready = await show(id);
    expect(ready).toMatchObject({ name: 'farm', state: 'FullyExecuting', instanceCount: 2, tags: ['nightly'] });
    expect(ready.constants).toEqual([{ key: 'A', value: '1' }, { key: 'B', value: '2' }]);
    expect(ready.elasticProperty).toMatchObject({ isElastic: true, maxTotalSlots: 4 });

    await cliOk(['pool', 'update', id, '-c', 'B=3', '--tag', 'urgent', '--untag', 'nightly', '--elastic-min-slots', '1'], { emulator: emu });
    const updated = await show(id);
    expect(updated.constants).toEqual([{ key: 'A', value: '1' }, { key: 'B', value: '3' }]);
    expect(updated.tags).toEqual(['urgent']);
    expect(updated.elasticProperty).toMatchObject({ minTotalSlots: 1, maxTotalSlots: 4 });

    await cliOk(['pool', 'sync', id], { emulator: emu });
    const closed = await cli(['pool', 'close', id, '--yes'], { emulator: emu });
    expect(closed.exitCode, closed.stderr).toBe(0);
    expect(closed.stdout).toContain(`${id}\tclosed`);
    await cliOk(['pool', 'wait', id, '--state', 'Closed', '--timeout', '20s', '--interval', '100ms'], { emulator: emu });
    expect((await show(id)).state).toBe('Closed');
    // Waiting for readiness on a pool that closed instead: it did not get there.
    const notReady = await cli(['pool', 'wait', id, '--state', 'FullyExecuting', '--interval', '100ms'], { emulator: emu });
    expect(notReady.exitCode).toBe(1);
    expect(notReady.stderr).toMatch(/ended Closed without reaching FullyExecuting/);
  });

  it('runs a 3-instance task in a 1-instance pool one instance at a time; output and tasks are visible', async () => {
    const id = await createPool(['--name', 'narrow', '-n', '1', '-c', 'DOCKER_CMD=echo hello-from-$INSTANCE_ID && sleep 0.2']);
    await cliOk(['pool', 'wait', id, '--interval', '100ms'], { emulator: emu });
    const task = await emu.call<{ uuid: string }>('POST', '/tasks', { name: 'wide', poolUuid: id, instanceCount: 3 });
    expect(task.status).toBe(200);
    let maxRunning = 0;
    await waitFor(async () => {
      const [p, t] = await Promise.all([emu.call<PoolJson>('GET', `/pools/${id}`), emu.call<{ state: string; runningInstanceCount: number }>('GET', `/tasks/${task.body.uuid}`)]);
      maxRunning = Math.max(maxRunning, p.body.runningInstanceCount, t.body.runningInstanceCount);
      return t.body.state === 'Success';
    }, { timeout: 20_000, what: 'task in pool' });
    expect(maxRunning).toBe(1);
    expect((await cliOk(['pool', 'tasks', id, '-q'], { emulator: emu })).trim()).toBe(task.body.uuid);
    const stdout = await cliOk(['pool', 'stdout', id], { emulator: emu });
    for (const i of [0, 1, 2]) expect(stdout).toContain(`hello-from-${i}`);
  });

  it('follows pool stdout until the pool is closed', async () => {
    const id = await createPool(['--name', 'followed', '-n', '1']);
    await cliOk(['pool', 'wait', id, '--interval', '100ms'], { emulator: emu });
    const follower = execa('node', [BIN, 'pool', 'stdout', id, '-f'], {
      env: { PATH: process.env.PATH, QARNOT_CLUSTER_URL: emu.url, QARNOT_CLIENT_TOKEN: emu.token, QARNOT_CONFIG_DIR: dir, HOME: dir },
      extendEnv: false,
      reject: false,
      stdin: 'ignore',
    });
    const task = await emu.call<{ uuid: string }>('POST', '/tasks', { name: 'talk', poolUuid: id, instanceCount: 1, constants: [{ key: 'DOCKER_CMD', value: 'echo followed-line' }] });
    await waitFor(async () => (await emu.call<{ state: string }>('GET', `/tasks/${task.body.uuid}`)).body.state === 'Success', { what: 'task' });
    await cliOk(['pool', 'close', id, '--yes'], { emulator: emu });
    const result = await follower;
    expect(result.exitCode, String(result.stderr)).toBe(0);
    expect(String(result.stdout)).toContain('followed-line');
  });

  it('clones with overrides and keeps the rest', async () => {
    const id = await createPool(['--name', 'source', '-n', '1', '-c', 'KEEP=me', '--tag', 'src']);
    const out = await cli(['pool', 'clone', id, '--name', 'copy', '--instances', '3', '--shortname', 'the-copy'], { emulator: emu });
    expect(out.exitCode, out.stderr).toBe(0);
    const copy = await show('the-copy');
    expect(copy.uuid).toBe(out.stdout.trim());
    expect(copy).toMatchObject({ name: 'copy', instanceCount: 3, tags: ['src'] });
    expect(copy.constants).toEqual([{ key: 'KEEP', value: 'me' }]);
  });

  it('deletes only with confirmation; --dry-run lists; selectors pick by tag', async () => {
    const a = await createPool(['--name', 'del-a', '--tag', 'doomed']);
    const b = await createPool(['--name', 'del-b', '--tag', 'doomed']);
    const refused = await cli(['pool', 'delete', a], { emulator: emu });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toMatch(/pass --yes/);
    const dry = await cliOk(['pool', 'delete', '--tag', 'doomed', '--dry-run'], { emulator: emu });
    expect(dry).toContain(a);
    expect(dry).toContain(b);
    expect((await show(a)).name).toBe('del-a');
    const deleted = await cliOk(['pool', 'delete', '--tag', 'doomed', '--yes'], { emulator: emu });
    expect(deleted.split('\n').filter(Boolean).sort()).toEqual([`${a}\tdeleted`, `${b}\tdeleted`].sort());
    expect((await cli(['pool', 'show', a], { emulator: emu })).exitCode).toBe(3);
  });

  it('refuses bad input with exit 2 and sends nothing; --dry-run prints the body', async () => {
    await emu.resetCounters();
    const cases: [string[], RegExp][] = [
      [['pool', 'create', '--name', 'x', '-f', profileFile, '--instances', '0'], /--instances must be an integer >= 1/],
      [['pool', 'create', '--name', 'x'], /profile: required/],
      [['pool', 'create', '-f', profileFile], /name: required/],
      [['pool', 'create', '--name', 'x', '-f', profileFile, '--elastic-min-slots', '5', '--elastic-max-slots', '2'], /--elastic-min-slots \(5\) must not exceed/],
      [['pool', 'create', '--name', 'x', '-f', profileFile, '--elastic-resize-factor', '1'], /--elastic-resize-factor/],
      [['pool', 'create', '--name', 'x', '-f', join(dir, 'missing.json')], /no such file/],
      [['pool', 'update', 'some-pool'], /nothing to update/],
      [['pool', 'stdout', 'p', '--instance', '-1'], /--instance must be an integer/],
      [['pool', 'wait', 'p', '--state', 'Ready'], /--state must be one of/],
      [['pool', 'wait', 'p', '--timeout', 'soon'], /--timeout expects a duration/],
      [['pool', 'close'], /no pools selected/],
      [['pool', 'show', 'bad id!'], /ID must be a uuid or a shortname/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(args, { emulator: emu });
      expect(r.exitCode, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
    const dry = await cli(['pool', 'create', '-f', profileFile, '--name', 'dry', '-n', '2', '--preparation-command', 'echo prep', '--tasks-wait-for-sync', '--max-total-retries', '3', '--ttl', '1h', '--auto-delete', '--dry-run'], { emulator: emu });
    expect(dry.exitCode, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toEqual({
      profile: 'docker-batch', name: 'dry', instanceCount: 2, preparationTask: { commandLine: 'echo prep' }, taskDefaultWaitForPoolResourcesSynchronization: true,
      defaultRetrySettings: { maxTotalRetries: 3 }, completionTimeToLive: '01:00:00', autoDeleteOnCompletion: true,
    });
    expect((await emu.requests()).total).toBe(0);
  });
});
