import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { spawnEmulator } from '../helpers/emulator-process.js';
import { BIN } from '../helpers/paths.js';

describe('emulator data directory lock', () => {
  it('a second emulator on the same --data says so and exits 2 at once (nothing left listening)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qarnot-emu-lock-'));
    const first = await spawnEmulator(['--data', dataDir]);
    try {
      const second = await execa('node', [BIN, 'emulator', 'start', '--port', '0', '--data', dataDir], {
        reject: false,
        stdin: 'ignore',
        timeout: 15_000,
        env: { QARNOT_CONFIG_DIR: '/nonexistent-qarnot-test' },
      });
      expect(second.timedOut, 'the refused emulator kept running').toBe(false);
      expect(second.exitCode).toBe(2);
      expect(second.stdout).toBe('');
      expect(second.stderr).toMatch(/another emulator \(pid \d+\) uses the data directory/);
    } finally {
      await first.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 30_000);
});
