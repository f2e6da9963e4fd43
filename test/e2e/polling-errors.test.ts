import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliOk } from '../helpers/cli.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';
import { waitFor } from '../helpers/wait.js';

/**
 * Every polling loop (wait, follow, run, snapshot --wait) fails as `show`
 * does when waiting cannot help: a wrong token or a refused `--as` exits 4,
 * an API that cannot be reached exits 1, at once (not after --timeout, and
 * never a hang).
 */
let emu: TestEmulator;
let task: string;
let pool: string;
let job: string;

beforeAll(async () => {
  emu = await startEmulator();
  task = (await emu.call<{ uuid: string }>('POST', '/tasks', { name: 'done', profile: 'docker-batch', instanceCount: 1, constants: [{ key: 'DOCKER_CMD', value: 'true' }] })).body.uuid;
  pool = (await emu.call<{ uuid: string }>('POST', '/pools', { name: 'p', profile: 'docker-batch', instanceCount: 1 })).body.uuid;
  job = (await emu.call<{ uuid: string }>('POST', '/jobs', { name: 'j' })).body.uuid;
  await waitFor(async () => (await emu.call<{ state: string }>('GET', `/tasks/${task}`)).body.state === 'Success', { timeout: 30_000 });
});

afterAll(async () => {
  await emu?.stop();
});

const verbs = (): [string, string[]][] => [
  ['task show', ['task', 'show', task]],
  ['task wait', ['task', 'wait', task, '--timeout', '1h']],
  ['job wait', ['job', 'wait', job, '--timeout', '1h']],
  ['pool wait', ['pool', 'wait', pool, '--timeout', '1h']],
  ['task stdout -f', ['task', 'stdout', task, '-f', '--timeout', '1h']],
  ['pool stdout -f', ['pool', 'stdout', pool, '-f']],
  ['task snapshot --wait', ['task', 'snapshot', task, '--wait', '--timeout', '1h']],
];

const failures: [string, (url: string) => { args: string[]; env: Record<string, string> }, number, RegExp][] = [
  ['a wrong token', (url) => ({ args: [], env: { QARNOT_CLUSTER_URL: url, QARNOT_CLIENT_TOKEN: 'wrong-token' } }), 4, /authentication failed/],
  ['an unknown --as account', () => ({ args: ['--as', 'nobody@x.y'], env: {} }), 4, /./],
  ['an API nobody listens on', () => ({ args: ['--api-url', 'http://127.0.0.1:9'], env: {} }), 1, /cannot reach the API/],
];

describe('polling verbs fail like task show', () => {
  for (const [what, setup, code, message] of failures) {
    it(`${what}: exit ${code} from every polling verb`, async () => {
      const { args, env } = setup(emu.url);
      // A write (snapshot) with --as is refused before anything is sent (exit 2): not a polling question.
      const polling = verbs().filter(([name]) => !(args.includes('--as') && name.includes('snapshot')));
      const results = await Promise.all(
        polling.map(async ([name, verb]) => [name, await cli([...args, ...verb], { emulator: emu, env, timeout: 45_000 })] as const),
      );
      for (const [name, result] of results) {
        expect(result.exitCode, `${name}: ${result.stderr}`).toBe(code);
        expect(result.stderr, name).toMatch(message);
      }
    });
  }

  it('task run fails at once on a wrong token, creating nothing', async () => {
    const before = await cliOk(['task', 'list', '-q'], { emulator: emu });
    const result = await cli(['task', 'run', '--name', 'x', '--profile', 'docker-batch', '-c', 'DOCKER_CMD=true'], {
      emulator: emu,
      env: { QARNOT_CLIENT_TOKEN: 'wrong-token' },
      timeout: 45_000,
    });
    expect(result.exitCode, result.stderr).toBe(4);
    expect(await cliOk(['task', 'list', '-q'], { emulator: emu })).toBe(before);
  });
});
