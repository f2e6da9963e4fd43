import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliOk, startCli } from '../helpers/cli.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';
import { waitFor } from '../helpers/wait.js';

/** Bugs found by hunting through the live verbs (follow, wait, run). */

const ID = '0a1b2c3d-0000-4000-8000-000000000001';

describe('--timeout with an API that never answers', () => {
  // Accepts every request and never answers: a hung API (or proxy).
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer(() => {});
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  // Before: each verb waited out the transport's 60 s idle timeout and its retries (minutes).
  it.each([
    ['task stdout -f', ['task', 'stdout', '-f', ID, '--timeout', '1s']],
    ['task wait', ['task', 'wait', ID, '--timeout', '1s']],
    ['pool wait', ['pool', 'wait', ID, '--timeout', '1s']],
    ['job wait', ['job', 'wait', ID, '--timeout', '1s']],
    ['pool stdout -f', ['pool', 'stdout', '-f', ID, '--timeout', '1s']],
  ])('%s gives up when --timeout passes, with a request in flight (exit 124)', async (_, args) => {
    const result = await cli(args, { env: { QARNOT_CLUSTER_URL: url, QARNOT_CLIENT_TOKEN: 'hunt-token' }, timeout: 30_000 });
    expect(result.exitCode, result.stderr).toBe(124);
    expect(result.stderr).toMatch(/after 1/);
  });
});

describe('with the emulator', () => {
  let emu: TestEmulator;
  let ended: string;
  beforeAll(async () => {
    emu = await startEmulator();
    ended = (await emu.call<{ uuid: string }>('POST', '/tasks', { name: 'ended', profile: 'docker-batch', instanceCount: 1, constants: [{ key: 'DOCKER_CMD', value: 'echo hello' }] })).body.uuid;
    await waitFor(async () => (await emu.call<{ state: string }>('GET', `/tasks/${ended}`)).body.state === 'Success', { timeout: 30_000 });
  });
  afterAll(async () => {
    await emu?.stop();
  });

  // Before: "still running after 0 s" (exit 124) without a look at the task, which had ended.
  it('task stdout -f --timeout 0 on an ended task prints its output and its outcome (exit 0)', async () => {
    const result = await cli(['task', 'stdout', '-f', ended, '--timeout', '0'], { emulator: emu });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toBe('0> hello');
  });

  it('task wait --timeout 0 on an ended task looks once (exit 0)', async () => {
    const result = await cli(['task', 'wait', ended, '--timeout', '0', '-q'], { emulator: emu });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toBe(ended);
  });

  // Before: exit 3 'pool "…" not found' once the followed pool was deleted, after its output.
  it('pool stdout -f ends when the pool is deleted, saying so (exit 0)', async () => {
    const pool = (await emu.call<{ uuid: string }>('POST', '/pools', { name: 'followed', profile: 'docker-batch', instanceCount: 1 })).body.uuid;
    const following = startCli(['pool', 'stdout', '-f', pool, '--timeout', '60s'], { emulator: emu });
    await waitFor(() => following.stderr().includes('pool followed:'), { what: 'the pool seen by the follower' });
    await cliOk(['pool', 'delete', pool, '--yes'], { emulator: emu });
    const result = await following.result;
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stderr).toContain(`Pool ${pool} was deleted while`);
  });

  // Before: a task deleted from the job (auto-delete) left it "0/1 tasks finished" for ever.
  it('job wait ends when a task it saw is deleted before it was seen to end (exit 1)', async () => {
    const job = (await emu.call<{ uuid: string }>('POST', '/jobs', { name: 'j' })).body.uuid;
    const task = (await emu.call<{ uuid: string }>('POST', '/tasks', { name: 'jt', profile: 'docker-batch', jobUuid: job, instanceCount: 1, constants: [{ key: 'DOCKER_CMD', value: 'sleep 60' }] })).body.uuid;
    const waiting = startCli(['job', 'wait', job, '--interval', '200ms', '--timeout', '30s'], { emulator: emu });
    await waitFor(() => waiting.stderr().includes('(0/1 tasks finished)'), { what: 'the task seen by job wait' });
    await emu.call('DELETE', `/tasks/${task}`);
    const result = await waiting.result;
    expect(result.exitCode, result.stderr).toBe(1);
    expect(result.stderr).toContain('jt deleted before it was seen to end');
  });
});
