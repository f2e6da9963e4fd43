import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, runOk } from '../helpers/run.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';

let emu: TestEmulator;

beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.stop());

describe('hardware', () => {
  it('lists every constraint over every page', async () => {
    const direct = await emu.call<{ total: number }>('GET', '/hardware-constraints?Limit=1&Offset=0');
    await emu.resetCounters();
    const lines = (await runOk(['hardware', 'list', '--format', 'jsonl'], { emulator: emu })).trimEnd().split('\n');
    expect(lines.length).toBe(direct.body.total);
    for (const line of lines) expect(JSON.parse(line)).toHaveProperty('discriminator');
  });

  it('finds CPU models; an empty model is bad input', async () => {
    const r = await run(['hardware', 'cpu', 'Ryzen', '--json'], { emulator: emu });
    expect([0, 3]).toContain(r.exitCode);
    if (r.exitCode === 0) {
      for (const c of JSON.parse(r.stdout) as { discriminator: string; cpuModel: string }[]) {
        expect(c.discriminator).toBe('CpuModelHardwareConstraint');
        expect(c.cpuModel.toLowerCase()).toContain('ryzen');
      }
    }
    await emu.resetCounters();
    const empty = await run(['hardware', 'cpu', ' '], { emulator: emu });
    expect(empty.exitCode).toBe(2);
    expect((await emu.requests()).total).toBe(0);
  });
});
