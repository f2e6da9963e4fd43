// Waiting is visible (issue 18 #23): a queued task's state on stderr until its output starts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli } from '../helpers/cli.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';
import { testIO } from '../helpers/io.js';
import { run } from '../helpers/run.js';
import { waitFor } from '../helpers/wait.js';

let emu: TestEmulator;

const stateOf = async (id: string) => (await emu.call<{ state: string }>('GET', `/tasks/${id}`)).body.state;

beforeAll(async () => {
  emu = await startEmulator();
  // One slot: a task sent while another runs there is queued until that one ends.
  await emu.call('POST', '/pools', { name: 'one-slot', shortname: 'one-slot', profile: 'docker-batch', instanceCount: 1 });
  await waitFor(async () => (await emu.call<{ state: string }>('GET', '/pools/one-slot')).body.state === 'FullyExecuting', { what: 'the pool to open' });
});

afterAll(async () => {
  await emu?.stop();
});

/** Fills the pool's slot; aborting the returned task frees it. */
async function occupyPool(): Promise<string> {
  const { uuid } = (await emu.call<{ uuid: string }>('POST', '/tasks', { name: 'blocker', poolUuid: 'one-slot', instanceCount: 1, constants: [{ key: 'DOCKER_CMD', value: 'sleep 600' }] })).body;
  await waitFor(async () => (await stateOf(uuid)) === 'FullyExecuting', { what: 'the blocker to run' });
  return uuid;
}

const release = (blocker: string) => emu.call('POST', `/tasks/${blocker}/abort`);

/** `task run` on the full pool, from the built binary (stderr is a pipe); the blocker freed once the task is queued. */
async function runQueued(shortname: string, extra: string[] = []) {
  const blocker = await occupyPool();
  const running = startCli(['task', 'run', ...extra, '--name', shortname, '--shortname', shortname, '--pool', 'one-slot', '-c', 'DOCKER_CMD=echo out-line'], { emulator: emu });
  await waitFor(async () => (await stateOf(shortname)) === 'PartiallyDispatched', { what: 'the task to be queued on the pool' });
  // Held until the CLI has seen it queued (it checks the state about every second at first), when it says so.
  if (!extra.includes('-q')) await waitFor(() => running.stderr().includes('PartiallyDispatched'), { what: 'the queued state on stderr' });
  await release(blocker);
  return running.result;
}

describe('task run on a full pool', () => {
  it('off a terminal: one stderr line per state change until output starts; stdout holds only the output', async () => {
    const result = await runQueued('queued-plain');
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toBe('0> out-line');
    const stateLines = result.stderr.split('\n').filter((line) => /^queued-plain [0-9a-f-]{36} {2}\w+/.test(line));
    expect(stateLines[0]).toMatch(/ {2}(Submitted|PartiallyDispatched) {2}/);
    expect(stateLines.some((line) => line.includes('  PartiallyDispatched  '))).toBe(true);
    // One line per change, none for the final state (the outcome line says it).
    const states = stateLines.map((line) => line.split(/ {2}/)[1]);
    expect(new Set(states).size).toBe(states.length);
    expect(states).not.toContain('Success');
    expect(result.stderr).toMatch(/ended in Success/);
  });

  it('-q: no state lines', async () => {
    const result = await runQueued('queued-quiet', ['-q']);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toBe('0> out-line');
    expect(result.stderr).toBe('');
  });
});

describe('task stdout -f on a terminal', () => {
  it('shows the state on a spinner line, cleared before the first output is written', async () => {
    const blocker = await occupyPool();
    const { uuid } = (await emu.call<{ uuid: string }>('POST', '/tasks', { name: 'queued-tty', poolUuid: 'one-slot', instanceCount: 1, constants: [{ key: 'DOCKER_CMD', value: 'echo out-line' }] })).body;
    const io = testIO({ tty: true });
    const following = run(['task', 'stdout', uuid, '-f'], { emulator: emu, io });
    await waitFor(() => io.stderrText().includes('PartiallyDispatched'), { what: 'the spinner to show the queued state' });
    await release(blocker);
    const result = await following;
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toBe('0> out-line');
    const first = io.transcript.findIndex((w) => w.stream === 'stdout');
    const before = io.transcript.slice(0, first).map((w) => w.text).join('');
    expect(before).toMatch(/queued-tty .*PartiallyDispatched/);
    // The last thing the terminal received before the output: the spinner line erased.
    const ESC = '\u001b';
    expect(before.replaceAll(`${ESC}[?25h`, '').endsWith(`${ESC}[1G${ESC}[0K`)).toBe(true);
    const spinnerFrame = /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/;
    expect(io.transcript.slice(first).filter((w) => w.stream === 'stderr' && spinnerFrame.test(w.text))).toEqual([]);
  });
});

describe('pool stdout -f', () => {
  it('off a terminal: the pool state on stderr while it prints nothing; stdout untouched', async () => {
    const pool = (await emu.call<{ uuid: string }>('POST', '/pools', { name: 'silent-pool', profile: 'docker-batch', instanceCount: 1 })).body.uuid;
    const running = startCli(['pool', 'stdout', pool, '-f'], { emulator: emu });
    await waitFor(() => /^pool silent-pool: \w+/m.test(running.stderr()), { what: 'the pool state on stderr' });
    await emu.call('POST', `/pools/${pool}/close`);
    const result = await running.result;
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
  });
});
