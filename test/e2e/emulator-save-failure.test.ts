import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { spawnEmulator } from '../helpers/emulator-process.js';
import { waitFor } from '../helpers/wait.js';

/**
 * Issue 16 #8: a create is acknowledged only once the state holding it is saved. The
 * save is broken by a directory where the emulator writes its temp file (EISDIR, even
 * for root, unlike a chmod), then repaired.
 */
describe('emulator state that cannot be saved', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'qarnot-emu-save-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('answers 503 to a create (undone: the CLI says nothing was created), refuses changes until saving works, logs once; a retry then creates exactly one', async () => {
    const emu = await spawnEmulator(['--data', dataDir]);
    const env = { QARNOT_CLUSTER_URL: emu.url, QARNOT_CLIENT_TOKEN: emu.token };
    const create = () => cli(['task', 'create', '--name', 'kept', '--profile', 'docker-batch', '-c', 'DOCKER_CMD=true'], { env });
    try {
      // A job: nothing changes in the background (a task's progress would hit the broken save first).
      const job = await emu.call<{ uuid: string }>('POST', '/jobs', { name: 'before' });
      expect(job.status, job.text).toBe(200);
      const blocker = join(dataDir, 'state.json.tmp');
      mkdirSync(join(blocker, 'in-the-way'), { recursive: true });

      const refused = await create();
      expect(refused.exitCode, refused.stderr).not.toBe(0);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toMatch(/could not save its state \(EISDIR\): nothing was created.*HTTP 503/);
      // While saving fails, changes are refused before they are made.
      for (const [method, path, body] of [
        ['POST', '/tasks', [{ name: 'bulk', profile: 'docker-batch', instanceCount: 1 }]],
        ['POST', '/pools', { name: 'p', profile: 'docker-batch', instanceCount: 1 }],
        ['POST', '/jobs', { name: 'j' }],
        ['DELETE', `/jobs/${job.body.uuid}`, undefined],
      ] as const) {
        const res = await emu.call(method, path, body);
        expect(res.status, `${path}: ${res.text}`).toBe(503);
        expect(res.body).toMatchObject({ message: expect.stringMatching(/could not save its state \(EISDIR\): nothing was changed/) });
      }
      // The refused create was undone in memory too: nothing a later successful save could persist.
      const uuids = async () => (await emu.call<{ uuid: string }[]>('GET', '/tasks')).body.map((t) => t.uuid);
      expect(await uuids()).toEqual([]);
      expect((await emu.call('GET', '/pools')).body).toEqual([]);
      expect((await emu.call<{ uuid: string }[]>('GET', '/jobs')).body.map((j) => j.uuid)).toEqual([job.body.uuid]);
      expect(emu.stderr().match(/could not save the state/g)).toHaveLength(1);

      rmSync(blocker, { recursive: true });
      await waitFor(() => /the state is saved to .* again/.test(emu.stderr()), { what: 'the emulator to save again' });
      const retried = await create();
      expect(retried.exitCode, retried.stderr).toBe(0);
      const uuid = retried.stdout.trim();
      expect(await uuids()).toEqual([uuid]);
      expect(readFileSync(join(dataDir, 'state.json'), 'utf8')).toContain(uuid);
    } finally {
      await emu.stop();
    }
  }, 60_000);
});
