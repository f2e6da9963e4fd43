import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { waitFor } from '../helpers/wait.js';
import { alive, createTask, rssKiB, spawnEmulator } from '../helpers/emulator-process.js';

/**
 * Emulator safety beyond test/e2e/emulator-safety.test.ts: a killed emulator
 * leaves no process, its environment stays private, a chatty task is bounded.
 */

const SLEEPER = 'sleep 600 & echo $! > grandchild.pid; echo $$ > child.pid; wait';

describe('emulator safety under abuse', () => {
  it('kill -9 of `qarnot emulator start` leaves no task process behind', async () => {
    const dataDir = realpathSync(mkdtempSync(join(tmpdir(), 'qarnot-emu-kill9-')));
    const emu = await spawnEmulator(['--data', dataDir]);
    let pids: number[] = [];
    try {
      const uuid = await createTask(emu, { name: 'sleeper', constants: [{ key: 'DOCKER_CMD', value: SLEEPER }] });
      const dir = join(dataDir, 'work', 'tasks', uuid, '0');
      pids = await waitFor(
        () => {
          const files = ['child.pid', 'grandchild.pid'].map((f) => join(dir, f));
          if (!files.every((f) => existsSync(f) && readFileSync(f, 'utf8').trim() !== '')) return undefined;
          return files.map((f) => Number(readFileSync(f, 'utf8').trim()));
        },
        { what: 'the instance to record its pids' },
      );
      await emu.stop('SIGKILL');
      await waitFor(() => pids.every((pid) => !alive(pid)), { timeout: 5000, what: 'task processes to die with the emulator' });
    } finally {
      for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 30_000);

  it('does not hand its own environment (a real QARNOT_CLIENT_TOKEN) to task processes', async () => {
    const secret = 'real-account-token-must-not-leak-0123456789';
    const emu = await spawnEmulator([], { QARNOT_CLIENT_TOKEN: secret, AWS_SECRET_ACCESS_KEY: 'aws-secret-must-not-leak' });
    try {
      const uuid = await createTask(emu, { name: 'env', constants: [{ key: 'DOCKER_CMD', value: 'env' }] });
      await waitFor(async () => ['Success', 'Failure'].includes((await emu.call<{ state: string }>('GET', `/tasks/${uuid}`)).body.state));
      const out = (await emu.call('GET', `/tasks/${uuid}/stdout`)).text;
      expect(out).toMatch(/INSTANCE_ID=0/);
      expect(out).not.toContain(secret);
      expect(out).not.toContain('aws-secret-must-not-leak');
    } finally {
      await emu.stop();
    }
  });

  it('a task running `yes` costs little memory and does not stall the API', async () => {
    const emu = await spawnEmulator([]);
    try {
      const before = rssKiB(emu.pid);
      const uuid = await createTask(emu, { name: 'chatty', constants: [{ key: 'DOCKER_CMD', value: 'yes' }] });
      let peak = 0;
      let slowest = 0;
      const until = Date.now() + 4000;
      while (Date.now() < until) {
        const started = Date.now();
        await emu.call('GET', `/tasks/${uuid}`);
        slowest = Math.max(slowest, Date.now() - started);
        peak = Math.max(peak, rssKiB(emu.pid));
        await new Promise((r) => setTimeout(r, 100));
      }
      await emu.call('POST', `/tasks/${uuid}/abort`);
      expect(peak - before, `RSS grew from ${before} KiB to ${peak} KiB`).toBeLessThan(100 * 1024);
      expect(slowest, 'slowest GET /tasks/{uuid} while the task printed').toBeLessThan(1000);
    } finally {
      await emu.stop();
    }
  }, 30_000);

  it('GET /tasks/{uuid}/stdout (all instances) stays within the cap too', async () => {
    const CAP = 1024 * 1024;
    const emu = await spawnEmulator([]);
    try {
      const uuid = await createTask(emu, { name: 'chatty', constants: [{ key: 'DOCKER_CMD', value: 'yes | head -c 3000000; sleep 60' }] });
      await waitFor(async () => Buffer.byteLength((await emu.call('GET', `/tasks/${uuid}/stdout/0`)).text) > CAP - 128 * 1024, { what: "the buffer to fill (entries are whole chunks of up to 64 KiB)" });
      const all = await emu.call('GET', `/tasks/${uuid}/stdout`);
      expect(Buffer.byteLength(all.text)).toBeLessThanOrEqual(CAP);
      await emu.call('POST', `/tasks/${uuid}/abort`);
    } finally {
      await emu.stop();
    }
  }, 30_000);
});
