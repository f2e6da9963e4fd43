import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/paths.js';
import { waitFor } from '../helpers/wait.js';
import { procState, running } from '../emulator/proc.js';

// Issue 16 #12: the kill -9 watchdog must fire while the dead emulator is an unreaped zombie.
describe.skipIf(!existsSync('/proc/self/stat'))('the instance watchdog', () => {
  it('kills the instance processes within seconds of a kill -9, though the emulator stays a zombie', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qarnot-emu-zombie-'));
    const token = `zombie-${Date.now().toString(36)}`;
    // The emulator's parent becomes `sleep`, which never reaps it: after a kill -9 it stays a zombie.
    const parent = execa('sh', ['-c', 'node "$0" emulator start --port 0 --speed 200 --data "$1" & echo "EMULATOR_PID=$!"; exec sleep 1000', BIN, dataDir], {
      reject: false,
      stdin: 'ignore',
      env: { QARNOT_CONFIG_DIR: '/nonexistent-qarnot-test', QARNOT_EMULATOR_TOKEN: token },
    });
    let out = '';
    parent.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const pids: number[] = [];
    try {
      const emulatorPid = Number(await waitFor(() => /EMULATOR_PID=(\d+)/.exec(out)?.[1], { what: 'the emulator pid' }));
      const url = await waitFor(() => /QARNOT_CLUSTER_URL=(\S+)\n/.exec(out)?.[1], { timeout: 15_000, what: 'the emulator to start' });
      const command = 'sleep 1000 & echo $! > group.pid; setsid sleep 1000 & echo $! > escaped.pid; exec sleep 1000';
      const res = await request(`${url}/tasks`, {
        method: 'POST',
        headers: { authorization: token, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'z', profile: 'docker-batch', instanceCount: 1, constants: [{ key: 'DOCKER_CMD', value: command }] }),
      });
      const { uuid } = (await res.body.json()) as { uuid: string };
      const dir = join(dataDir, 'work', 'tasks', uuid, '0');
      const read = (f: string) => (existsSync(join(dir, f)) ? readFileSync(join(dir, f), 'utf8').trim() : '');
      pids.push(...(await waitFor(() => (read('group.pid') && read('escaped.pid') ? [Number(read('group.pid')), Number(read('escaped.pid'))] : null), { what: 'the instance pids' })));
      expect(pids.every(running)).toBe(true);

      process.kill(emulatorPid, 'SIGKILL');
      await waitFor(() => procState(emulatorPid) === 'Z', { timeout: 5000, what: 'the emulator to be a zombie' });
      await waitFor(() => pids.every((p) => !running(p)), { timeout: 5000, what: 'the instance processes to be killed by the watchdog' });
      expect(procState(emulatorPid)).toBe('Z');

      // The zombie's lock on the data directory is stale: a new emulator takes it over.
      const next = execa('node', [BIN, 'emulator', 'start', '--port', '0', '--data', dataDir], {
        reject: false,
        stdin: 'ignore',
        env: { QARNOT_CONFIG_DIR: '/nonexistent-qarnot-test' },
      });
      let nextOut = '';
      next.stdout?.on('data', (chunk: Buffer) => (nextOut += chunk.toString()));
      await Promise.race([next, waitFor(() => nextOut.includes('QARNOT_CLUSTER_URL='), { timeout: 15_000, what: 'a second emulator on the same --data' })]);
      next.kill('SIGTERM');
      const ended = await next;
      expect(ended.stderr).not.toMatch(/another emulator/);
      expect(ended.exitCode, ended.stderr).toBe(0);
    } finally {
      for (const p of pids.filter(running)) process.kill(p, 'SIGKILL');
      parent.kill('SIGKILL');
      await parent;
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 40_000);
});
