import { existsSync } from 'node:fs';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/paths.js';

// Node 20's recursive mkdir spins forever under /proc, deaf to SIGTERM (issue 18 #25): the
// emulator's --data and download destinations are made one level at a time (lib/make-dir.ts).
describe.skipIf(!existsSync('/proc/self'))('a destination under /proc', () => {
  it('emulator start --data /proc/nope fails at once with one line, exit 2', async () => {
    const result = await execa('node', [BIN, 'emulator', 'start', '--port', '0', '--data', '/proc/qarnot-nope'], { reject: false, timeout: 20_000, killSignal: 'SIGKILL', env: { QARNOT_EMULATOR_TOKEN: 'unused-token' } });
    expect(result.timedOut).toBe(false);
    expect([result.exitCode, result.stderr.trim().split('\n')]).toEqual([2, [expect.stringMatching(/--data: cannot create \/proc\/qarnot-nope\/work \(ENOENT\)/)]]);
  });
});
