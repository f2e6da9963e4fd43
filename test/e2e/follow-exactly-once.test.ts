import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tempConfigDir } from '../helpers/cli.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';
import { BIN } from '../helpers/paths.js';
import { waitFor } from '../helpers/wait.js';

/**
 * `task stdout -f` prints every line once, or says that some were lost: never
 * a silent loss, never a repeat — with repeated lines, past the buffer's
 * rotation (1 MiB), and across an emulator restart.
 */
let emu: TestEmulator;

beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu?.stop();
});

async function createTask(url: string, token: string, command: string): Promise<string> {
  const res = await fetch(`${url}/tasks`, {
    method: 'POST',
    headers: { authorization: token, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'once', profile: 'docker-batch', instanceCount: 1, constants: [{ key: 'DOCKER_CMD', value: command }] }),
  });
  return ((await res.json()) as { uuid: string }).uuid;
}

const LOST = /some lines (may have been|were) lost/;

describe('stdout -f: exactly once, or a loss said', () => {
  it('repeated lines past the rotation (yes x | head -n 400000)', async () => {
    const uuid = await createTask(emu.url, emu.token, 'sleep 1; yes x | head -n 400000');
    const result = await cli(['task', 'stdout', uuid, '-f'], { emulator: emu, timeout: 120_000 });
    expect(result.exitCode, result.stderr).toBe(0);
    const lines = result.stdout.split('\n').filter(Boolean);
    expect(lines.every((l) => l === '0> x')).toBe(true);
    expect(lines.length).toBeLessThanOrEqual(400_000);
    if (lines.length < 400_000) expect(result.stderr).toMatch(LOST);
  });

  it('unique lines past the rotation: in order, none twice, any gap said', async () => {
    const uuid = await createTask(emu.url, emu.token, 'sleep 1; seq 1 250000');
    const result = await cli(['task', 'stdout', uuid, '-f'], { emulator: emu, timeout: 120_000 });
    expect(result.exitCode, result.stderr).toBe(0);
    const numbers = result.stdout.split('\n').filter(Boolean).map((l) => Number(l.slice(3)));
    for (let i = 1; i < numbers.length; i++) expect(numbers[i]!).toBeGreaterThan(numbers[i - 1]!);
    expect(numbers.at(-1)).toBe(250_000);
    if (numbers.length < 250_000) expect(result.stderr).toMatch(LOST);
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('stdout -f across an emulator restart (--data)', () => {
  it('prints no line twice and warns of nothing when the restored buffer is older than what was printed', async () => {
    const data = mkdtempSync(join(tmpdir(), 'qarnot-follow-restart-'));
    const port = await freePort();
    const token = `restart-${Date.now()}`;
    const url = `http://127.0.0.1:${port}`;
    const emulator = (): ResultPromise =>
      execa('node', [BIN, 'emulator', 'start', '--port', String(port), '--data', data, '--token', token], { reject: false, stdin: 'ignore' });
    let first = emulator();
    await waitFor(async () => (await fetch(`${url}/settings`, { headers: { authorization: token } })).ok, { timeout: 15_000, what: 'emulator' });
    const uuid = await createTask(url, token, 'i=0; while true; do i=$((i+1)); echo "line $i"; sleep 0.01; done');
    const follower = execa('node', [BIN, 'task', 'stdout', uuid, '-f'], {
      reject: false,
      env: { QARNOT_CONFIG_DIR: tempConfigDir(), QARNOT_CLUSTER_URL: url, QARNOT_CLIENT_TOKEN: token },
      extendEnv: false,
      timeout: 90_000,
    });
    let printed = '';
    follower.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    await waitFor(() => printed.split('\n').length > 200, { timeout: 30_000, what: '200 lines followed' });
    // A crash: the state on disk is the last one saved, older than what was followed.
    first.kill('SIGKILL');
    await first;
    first = emulator();
    const result = await follower;
    first.kill('SIGTERM');
    await first;
    // The restarted emulator ends the task that was running in Failure.
    expect(result.exitCode, result.stderr).toBe(1);
    expect(result.stderr).not.toMatch(LOST);
    const numbers = String(result.stdout).split('\n').filter(Boolean).map((l) => Number(/^0> line (\d+)$/.exec(l)?.[1]));
    // At least the 200 lines seen before the crash: the restored state may hold no more than those.
    expect(numbers.length).toBeGreaterThanOrEqual(200);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });
});
