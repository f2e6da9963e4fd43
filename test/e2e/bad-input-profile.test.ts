import { afterAll, beforeAll, expect, it } from 'vitest';
import { run } from '../helpers/run.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';

// Bad input caught late at first: each
// must exit 2 with one line naming the field, and send nothing.
let emu: TestEmulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu?.stop();
});

it('task create without a profile, a pool or a job is refused locally', async () => {
  await emu.resetCounters();
  const result = await run(['task', 'create', '--name', 't'], { emulator: emu });
  expect(result.exitCode, result.stderr).toBe(2);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(/^error: profile: required/);
  expect((await emu.requests()).total).toBe(0);
});
