import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';
import { serverTasksByName } from '../helpers/faults.js';

/** Lines of stderr that look like a JavaScript stack frame. */
const STACK_FRAME = /^\s+at .+[(:]\d+/m;

const FOLLOW_FAULTS = '503:0.15,429:0.05,reset:0.05,reset-after:0.05,latency:0-30ms,seed:5';

describe('task stdout -f under faults', () => {
  let emu: TestEmulator;

  beforeAll(async () => {
    emu = await startEmulator(['--faults', FOLLOW_FAULTS], { speed: 200 });
  });

  afterAll(async () => {
    await emu?.stop();
  });

  it('loses and repeats no line', async () => {
    const LINES = 120;
    // Three instances print numbered lines over a few seconds, in bursts.
    const command = `i=1; while [ $i -le ${LINES} ]; do echo "inst-$INSTANCE_ID-line-$i"; if [ $((i % 10)) -eq 0 ]; then sleep 0.2; fi; i=$((i+1)); done`;
    const uuid = await createDirect(emu, { name: 'follow-faults', profile: 'docker-batch', instanceCount: 3, constants: [{ key: 'DOCKER_CMD', value: command }] });
    const result = await cli(['task', 'stdout', uuid, '-f'], { emulator: emu, timeout: 90_000 });
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.exitCode, result.stderr).toBe(0);
    const seen = new Map<string, number[]>();
    for (const line of result.stdout.split('\n')) {
      const m = /inst-(\d+)-line-(\d+)$/.exec(line);
      if (!m) continue;
      const list = seen.get(m[1]!) ?? [];
      list.push(Number(m[2]));
      seen.set(m[1]!, list);
    }
    const expected = Array.from({ length: LINES }, (_, i) => i + 1);
    expect([...seen.keys()].sort()).toEqual(['0', '1', '2']);
    for (const lines of seen.values()) expect(lines).toEqual(expected);
    const counts = await emu.requests();
    expect(counts.total).toBeGreaterThan(3);
  }, 120_000);
});

/** Creates a task through the API directly, retrying only refusals that provably created nothing. */
async function createDirect(emu: TestEmulator, body: unknown): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const res = await emu.call<{ uuid: string }>('POST', '/tasks', body).catch(() => undefined);
    if (res && res.status < 300) return res.body.uuid;
    if (res === undefined) {
      // A reset: maybe created. Look it up by name before trying again.
      const existing = await serverTasksByName(emu, undefined, (body as { name: string }).name);
      if (existing.length) return existing[0]!.uuid;
    }
  }
  throw new Error('could not create the task through the faults');
}
