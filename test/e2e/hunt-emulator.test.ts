import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTask, spawnEmulator } from '../helpers/emulator-process.js';
import { waitFor } from '../helpers/wait.js';
import { running } from '../emulator/proc.js';

describe.skipIf(!existsSync('/proc/self/stat'))('emulator start, stopped by an impatient user', () => {
  for (const [what, second] of [
    ['a second Ctrl-C', 'SIGINT'],
    ['a kill -9', 'SIGKILL'],
  ] as const) {
    it(`${what} during the stop still kills every instance process`, () => interruptedStop(second), 30_000);
  }
});

async function interruptedStop(second: NodeJS.Signals): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'qarnot-emu-ctrlc2-'));
  const emu = await spawnEmulator(['--data', dataDir]);
  const pids: number[] = [];
  try {
    // It ignores SIGTERM, so the stop waits for its grace period before SIGKILL: the second signal lands there.
    const command = "trap '' TERM INT; sleep 1000 & echo $! > group.pid; setsid sleep 1000 & echo $! > escaped.pid; wait";
    const uuid = await createTask(emu, { name: 'stubborn', constants: [{ key: 'DOCKER_CMD', value: command }] });
    const dir = join(dataDir, 'work', 'tasks', uuid, '0');
    const read = (f: string) => (existsSync(join(dir, f)) ? readFileSync(join(dir, f), 'utf8').trim() : '');
    pids.push(...(await waitFor(() => (read('group.pid') && read('escaped.pid') ? [Number(read('group.pid')), Number(read('escaped.pid'))] : null), { what: 'the instance pids' })));
    expect(pids.every(running)).toBe(true);

    process.kill(emu.pid, 'SIGINT');
    await waitFor(() => emu.stderr().includes('Stopping the emulator'), { what: 'the stop to begin' });
    process.kill(emu.pid, second);
    await emu.child;
    await waitFor(() => pids.every((p) => !running(p)), { timeout: 5000, what: 'the instance processes to be killed' });
  } finally {
    for (const p of pids.filter(running)) process.kill(p, 'SIGKILL');
    emu.child.kill('SIGKILL');
    await emu.child;
    rmSync(dataDir, { recursive: true, force: true });
  }
}
