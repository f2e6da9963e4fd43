import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';
import { BIN } from '../helpers/paths.js';
import { waitFor } from '../helpers/wait.js';

const LINES = 6;
/** Each instance prints LINES numbered lines, 0.5 s apart, with the time it printed them (ms). */
const TIMED_LINES = `sleep 1; for i in $(seq ${LINES}); do echo "line $i from $INSTANCE_ID at $(date +%s%3N)"; sleep 0.5; done`;

/** Creates a task through the API; under faults, a refusal created nothing, so try again. */
async function createTask(emu: TestEmulator, name: string, command: string, instanceCount = 1, tags: string[] = []): Promise<string> {
  const body = { name, profile: 'docker-batch', instanceCount, tags, constants: [{ key: 'DOCKER_CMD', value: command }] };
  for (let attempt = 0; attempt < 30; attempt++) {
    const res = await emu.call<{ uuid: string }>('POST', '/tasks', body);
    if (res.status === 200) return res.body.uuid;
  }
  throw new Error('could not create the task');
}

/** Lines per instance, in the order printed; fails on a line without an instance prefix. */
function linesByInstance(stdout: string): Map<string, number[]> {
  const seen = new Map<string, number[]>();
  for (const line of stdout.split('\n').filter(Boolean)) {
    const m = /(\d+)> line (\d+) from (\d+) at \d+$/.exec(line);
    expect(m, `unexpected line: ${line}`).toBeTruthy();
    expect(m![1]).toBe(m![3]);
    seen.set(m![1]!, [...(seen.get(m![1]!) ?? []), Number(m![2])]);
  }
  return seen;
}

function expectEveryLineOnce(stdout: string, instances: number): void {
  const seen = linesByInstance(stdout);
  expect([...seen.keys()].sort()).toEqual(Array.from({ length: instances }, (_, i) => String(i)));
  for (const lines of seen.values()) expect(lines).toEqual(Array.from({ length: LINES }, (_, i) => i + 1));
}

describe('task stdout -f, wait and run', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(async () => {
    await emu?.stop();
  });

  it('follows a 3-instance task: order, prefixes, nothing lost or repeated, shown within 1 s', async () => {
    const uuid = await createTask(emu, 'follow', TIMED_LINES, 3);
    await emu.resetCounters();
    const result = await cli(['task', 'stdout', uuid, '-f', '--timestamps'], { emulator: emu });
    expect(result.exitCode, result.stderr).toBe(0);
    const timed = result.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const m = /^(\S+) (.* at (\d+))$/.exec(line)!;
        return { line: m[2]!, receivedAt: Date.parse(m[1]!), printedAt: Number(m[3]) };
      });
    expectEveryLineOnce(timed.map((t) => t.line).join('\n'), 3);
    // Lines printed before the follower's first read are backlog (process start-up), not latency.
    const firstRead = Math.min(...timed.map((t) => t.receivedAt));
    const delays = timed.filter((t) => t.printedAt > firstRead).map((t) => t.receivedAt - t.printedAt);
    expect(delays.length).toBeGreaterThan(LINES);
    delays.sort((a, b) => a - b);
    const median = delays[Math.floor(delays.length / 2)]!;
    const p95 = delays[Math.ceil(delays.length * 0.95) - 1]!;
    console.log(`follow latency over ${delays.length} lines: median ${median} ms, p95 ${p95} ms, max ${delays[delays.length - 1]} ms`);
    expect(median).toBeLessThanOrEqual(1000);
    expect(p95).toBeLessThanOrEqual(1000);
    // Following never moves the shared fresh-output cursor.
    const counts = await emu.requests();
    expect(counts.byRoute['POST /tasks/{uuid}/stdout'] ?? 0).toBe(0);
  });

  it('--both sends the task stderr to stderr; exit 1 when the task fails', async () => {
    const uuid = await createTask(emu, 'both', 'echo "to out"; echo "to err" >&2; exit 4', 2);
    const result = await cli(['task', 'stdout', uuid, '-f', '--both'], { emulator: emu });
    expect(result.exitCode).toBe(1);
    expect(result.stdout.split('\n').filter(Boolean).sort()).toEqual(['0> to out', '1> to out']);
    expect(result.stderr).toContain('0> to err');
    expect(result.stderr).toContain('1> to err');
    expect(result.stderr).toMatch(/ended in Failure/);
  });

  it('prints the whole buffer, or only what is new with --fresh', async () => {
    const uuid = await createTask(emu, 'buffer', 'echo one; echo two', 1);
    await waitFor(async () => (await emu.call<{ state: string }>('GET', `/tasks/${uuid}`)).body.state === 'Success');
    expect((await cli(['task', 'stdout', uuid], { emulator: emu })).stdout).toBe('0> one\n0> two');
    expect((await cli(['task', 'stdout', uuid, '--fresh', '--instance', '0'], { emulator: emu })).stdout).toBe('one\ntwo');
    expect((await cli(['task', 'stdout', uuid, '--fresh', '--instance', '0'], { emulator: emu })).stdout).toBe('');
    expect((await cli(['task', 'stdout', uuid, '--fresh', '-f'], { emulator: emu })).exitCode).toBe(2);
  });

  it('wait: 0 when all succeeded, 1 when one failed, 124 on timeout', async () => {
    const ok = await createTask(emu, 'ok', 'true', 1, ['wait-ok']);
    const bad = await createTask(emu, 'bad', 'exit 1', 1);
    const slow = await createTask(emu, 'slow', 'sleep 60', 1);
    const success = await cli(['task', 'wait', '--tag', 'wait-ok', '--interval', '200ms'], { emulator: emu });
    expect(success.exitCode, success.stderr).toBe(0);
    expect(success.stdout).toContain(ok);
    expect(success.stdout).toContain('Success');
    const failure = await cli(['task', 'wait', ok, bad, '--interval', '200ms'], { emulator: emu });
    expect(failure.exitCode).toBe(1);
    expect(failure.stderr).toMatch(/Failure/);
    const timeout = await cli(['task', 'wait', slow, '--timeout', '1s', '--interval', '200ms'], { emulator: emu });
    expect(timeout.exitCode).toBe(124);
    expect(timeout.stderr).toMatch(/timed out after 1s/);
  });

  it('run: creates, streams stdout and stderr, exits with the outcome (0, 1, 124); --detach returns at once', async () => {
    const base = ['task', 'run', '--profile', 'docker-batch'];
    const ok = await cli([...base, '--name', 'run-ok', '-n', '2', '-c', 'DOCKER_CMD=echo "hi from $INSTANCE_ID"; echo oops >&2'], { emulator: emu });
    expect(ok.exitCode, ok.stderr).toBe(0);
    expect(ok.stdout.split('\n').filter(Boolean).sort()).toEqual(['0> hi from 0', '1> hi from 1']);
    expect(ok.stderr).toContain('0> oops');
    expect(ok.stderr).toMatch(/Created task "run-ok"/);
    const failed = await cli([...base, '--name', 'run-bad', '-c', 'DOCKER_CMD=echo bye; exit 2'], { emulator: emu });
    expect(failed.exitCode).toBe(1);
    expect(failed.stdout).toBe('0> bye');
    const slow = await cli([...base, '--name', 'run-slow', '-c', 'DOCKER_CMD=sleep 60', '--timeout', '1s'], { emulator: emu });
    expect(slow.exitCode).toBe(124);
    expect(slow.stderr).toMatch(/keeps running/);
    const detached = await cli([...base, '--name', 'run-detach', '-c', 'DOCKER_CMD=sleep 60', '--detach'], { emulator: emu });
    expect(detached.exitCode).toBe(0);
    expect(detached.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('Ctrl-C stops following with exit 130', async () => {
    const uuid = await createTask(emu, 'interrupt', 'while true; do echo tick; sleep 0.2; done');
    const child = execa('node', [BIN, 'task', 'stdout', uuid, '-f'], {
      env: { PATH: process.env.PATH, QARNOT_CLUSTER_URL: emu.url, QARNOT_CLIENT_TOKEN: emu.token, QARNOT_CONFIG_DIR: '/nonexistent-qarnot-test' },
      extendEnv: false,
      reject: false,
    });
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await waitFor(() => out.includes('0> tick'), { what: 'the first line' });
    child.kill('SIGINT');
    const result = await child;
    expect(result.exitCode).toBe(130);
  });
});

describe('task stdout -f under injected 503s', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startEmulator(['--faults', '503:0.2,seed:7']);
  });
  afterAll(async () => {
    await emu?.stop();
  });

  it('loses and repeats nothing', async () => {
    const uuid = await createTask(emu, 'follow-503', TIMED_LINES, 3);
    const result = await cli(['task', 'stdout', uuid, '-f'], { emulator: emu });
    expect(result.exitCode, result.stderr).toBe(0);
    expectEveryLineOnce(result.stdout, 3);
  });
});
