import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { spawnEmulator } from '../helpers/emulator-process.js';

/**
 * Issue 16 #8: a create is acknowledged only once the state holding it is saved. The
 * save is broken by a directory where the emulator writes its temp file (EISDIR, even
 * for root, unlike a chmod), then repaired.
 */
describe('emulator state that cannot be saved', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'qarnot-emu-save-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses creates with 503 (CLI: not created), logs once, and a retry after the repair creates exactly one', async () => {
    const emu = await spawnEmulator(['--data', dataDir]);
    const env = { QARNOT_CLUSTER_URL: emu.url, QARNOT_CLIENT_TOKEN: emu.token };
    const create = () => cli(['task', 'create', '--name', 'kept', '--profile', 'docker-batch', '-c', 'DOCKER_CMD=true'], { env });
    try {
      const blocker = join(dataDir, 'state.json.tmp');
      mkdirSync(join(blocker, 'in-the-way'), { recursive: true });

      const refused = await create();
      expect(refused.exitCode, refused.stderr).not.toBe(0);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toMatch(/could not save its state \(EISDIR\): nothing was created.*HTTP 503/);
      for (const [path, body] of [
        ['/tasks', [{ name: 'bulk', profile: 'docker-batch', instanceCount: 1 }]],
        ['/pools', { name: 'p', profile: 'docker-batch', instanceCount: 1 }],
        ['/jobs', { name: 'j' }],
      ] as const) {
        const res = await emu.call('POST', path, body);
        expect(res.status, `${path}: ${res.text}`).toBe(503);
        expect(res.body).toMatchObject({ message: expect.stringMatching(/nothing was created/) });
      }
      // Undone in memory too: nothing a later successful save could persist.
      for (const path of ['/tasks', '/pools', '/jobs']) expect((await emu.call('GET', path)).body, path).toEqual([]);
      expect(emu.stderr().match(/could not save the state/g)).toHaveLength(1);

      rmSync(blocker, { recursive: true });
      const retried = await create();
      expect(retried.exitCode, retried.stderr).toBe(0);
      const uuid = retried.stdout.trim();
      const tasks = (await emu.call<{ uuid: string }[]>('GET', '/tasks')).body;
      expect(tasks.map((t) => t.uuid)).toEqual([uuid]);
      expect(readFileSync(join(dataDir, 'state.json'), 'utf8')).toContain(uuid);
      expect(emu.stderr()).toMatch(/the state is saved to .* again/);
    } finally {
      await emu.stop();
    }
  }, 60_000);
});
