import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempConfigDir } from '../helpers/cli.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';
import { BIN } from '../helpers/paths.js';
import { waitFor } from '../helpers/wait.js';

/**
 * Signals are handled in one place (src/lib/interrupt.ts): a command ends
 * with 130 after Ctrl-C and 143 after SIGTERM; the emulator, whose normal end
 * is a signal, stops its instances and exits 0, as docs/emulator.md says.
 */
let emu: TestEmulator;
let task: string;

beforeAll(async () => {
  emu = await startEmulator();
  const body = { name: 'long', profile: 'docker-batch', instanceCount: 1, constants: [{ key: 'DOCKER_CMD', value: 'sleep 600' }] };
  task = (await emu.call<{ uuid: string }>('POST', '/tasks', body)).body.uuid;
});
afterAll(async () => {
  await emu?.stop();
});

describe('exit codes on signals', () => {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`task wait ends with ${code} on ${signal}`, async () => {
      const child = execa('node', [BIN, 'task', 'wait', task], {
        reject: false,
        extendEnv: false,
        env: { PATH: process.env.PATH, QARNOT_CONFIG_DIR: tempConfigDir(), QARNOT_CLUSTER_URL: emu.url, QARNOT_CLIENT_TOKEN: emu.token },
      });
      let stderr = '';
      child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
      // The wait prints the task's state once it has it: the command is running by then.
      await waitFor(() => stderr.includes(task), { timeout: 20_000, what: 'the wait to start' });
      child.kill(signal);
      expect((await child).exitCode).toBe(code);
    });
  }

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`emulator start exits 0 on ${signal}, once stopped`, async () => {
      const child = execa('node', [BIN, 'emulator', 'start', '--port', '0'], { reject: false, stdin: 'ignore', env: { QARNOT_CONFIG_DIR: tempConfigDir() } });
      let stdout = '';
      child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
      await waitFor(() => stdout.includes('QARNOT_CLIENT_TOKEN='), { timeout: 15_000, what: 'the emulator to start' });
      child.kill(signal);
      const result = await child;
      expect(result.exitCode, String(result.stderr)).toBe(0);
      expect(String(result.stderr)).toMatch(/Stopping the emulator/);
    });
  }
});
