import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../helpers/wait.js';
import { alive, createTask, rssKiB, spawnEmulator, type Emu } from '../helpers/emulator-process.js';

/**
 * The emulator runs shell commands on this machine: it must not be reachable by
 * others by accident, must not let a task escape its directory or eat the
 * memory, and must not leave processes behind.
 */

async function waitForState(emu: Emu, uuid: string, states: string[], timeout = 20_000): Promise<void> {
  await waitFor(async () => states.includes((await emu.call<{ state: string }>('GET', `/tasks/${uuid}`)).body.state), { timeout, what: `task ${uuid} in ${states.join('/')}` });
}

describe('network exposure and authentication', () => {
  it('binds to 127.0.0.1 by default and says nothing alarming', async () => {
    const emu = await spawnEmulator([]);
    try {
      expect(new URL(emu.url).hostname).toBe('127.0.0.1');
      expect(emu.stderr()).not.toMatch(/WARNING/);
    } finally {
      await emu.stop();
    }
  });

  it('warns loudly when bound to a non-loopback address', async () => {
    const emu = await spawnEmulator(['--host', '0.0.0.0']);
    try {
      expect(emu.stderr()).toMatch(/WARNING: .*listens on 0\.0\.0\.0.*anyone who can reach it and knows the token can run shell commands/);
    } finally {
      await emu.stop();
    }
  });

  it('requires its token on every route that reads or changes anything, internal ones included', async () => {
    const emu = await spawnEmulator([]);
    try {
      const routes: [string, string, unknown?][] = [
        ['GET', '/tasks'],
        ['POST', '/tasks', { name: 'x', profile: 'docker-batch', instanceCount: 1 }],
        ['POST', '/tasks/paginate', {}],
        ['GET', '/pools'],
        ['GET', '/jobs'],
        ['GET', '/info'],
        ['GET', '/status'],
        ['GET', '/profiles'],
        ['GET', '/_emulator/requests'],
        ['POST', '/_emulator/reset-counters'],
        ['GET', '/v1/tasks'],
        ['GET', '/no/such/route'],
      ];
      for (const [method, path, body] of routes) {
        for (const token of [null, '', 'wrong-token', `${emu.token}x`, emu.token.slice(0, -1)]) {
          const res = await emu.call(method, path, body, token);
          expect(res.status, `${method} ${path} with token ${JSON.stringify(token)}`).toBe(401);
        }
      }
      // Nothing was created by the refused POST.
      expect((await emu.call<unknown[]>('GET', '/tasks')).body).toEqual([]);
    } finally {
      await emu.stop();
    }
  });
});

describe('task working directories', () => {
  let emu: Emu;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = realpathSync(mkdtempSync(join(tmpdir(), 'qarnot-emu-safety-')));
    emu = await spawnEmulator(['--data', dataDir]);
  });

  afterAll(async () => {
    await emu?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stay inside the data directory whatever the name, shortname or constants', async () => {
    const names = ['../../etc', '../../../../../../tmp/escaped', '/etc/passwd', '..', '.', 'a/../../b', '${HOME}', '$(pwd)'];
    const uuids: string[] = [];
    for (const [i, name] of names.entries()) {
      uuids.push(
        await createTask(emu, {
          name,
          instanceCount: 2,
          constants: [
            { key: 'DOCKER_CMD', value: 'pwd -P' },
            { key: 'QARNOT_TASK_UUID', value: '../../..' },
          ],
          tags: [`escape-${i}`],
        }),
      );
    }
    // Shortnames that look like paths are refused outright.
    for (const shortname of ['../../etc', 'a/b', '..']) {
      const res = await emu.call('POST', '/tasks', { name: 'x', shortname, profile: 'docker-batch', instanceCount: 1, constants: [{ key: 'DOCKER_CMD', value: 'pwd' }] });
      expect(res.status, `shortname ${shortname}`).toBe(400);
    }
    for (const uuid of uuids) {
      await waitForState(emu, uuid, ['Success', 'Failure']);
      for (const instance of [0, 1]) {
        const dir = (await emu.call('GET', `/tasks/${uuid}/stdout/${instance}`)).text.trim();
        expect(dir.startsWith(`${dataDir}/`), `task ${uuid} ran in ${dir}`).toBe(true);
        expect(dir).toBe(join(dataDir, 'work', 'tasks', uuid, String(instance)));
      }
    }
    expect(existsSync(join(tmpdir(), 'escaped'))).toBe(false);
  });
});

describe('output buffers', () => {
  let emu: Emu;

  beforeAll(async () => {
    emu = await spawnEmulator([]);
  });

  afterAll(async () => {
    await emu?.stop();
  });

  it('are capped: a task running `yes` keeps the RSS bounded and GET stdout within the cap', async () => {
    const CAP = 1024 * 1024; // the emulator's default per task and stream
    const before = rssKiB(emu.pid);
    const uuid = await createTask(emu, { name: 'chatty', constants: [{ key: 'DOCKER_CMD', value: 'yes' }] });
    await waitForState(emu, uuid, ['FullyExecuting']);
    let peak = 0;
    const until = Date.now() + 4000;
    while (Date.now() < until) {
      peak = Math.max(peak, rssKiB(emu.pid));
      await new Promise((r) => setTimeout(r, 100));
    }
    const one = await emu.call('GET', `/tasks/${uuid}/stdout/0`);
    expect(one.status).toBe(200);
    // It really did print a lot, and only the newest lines are kept, whole.
    expect(Buffer.byteLength(one.text)).toBeGreaterThan(CAP / 2);
    expect(Buffer.byteLength(one.text)).toBeLessThanOrEqual(CAP);
    expect(one.text).toMatch(/^(y\n)+$/);
    // The task-level view carries a "0> " prefix per line, and stays within the cap too.
    const all = await emu.call('GET', `/tasks/${uuid}/stdout`);
    expect(all.text).toMatch(/^(0> y\n)+$/);
    expect(Buffer.byteLength(all.text)).toBeLessThanOrEqual(CAP);
    expect((await emu.call('POST', `/tasks/${uuid}/abort`)).status).toBeLessThan(300);
    await waitForState(emu, uuid, ['Cancelled', 'Failure', 'Success']);
    peak = Math.max(peak, rssKiB(emu.pid));
    // Without the cap, 4 s of `yes` would need GiBs; the tight bound is in emulator-safety-gaps.test.ts.
    expect(peak, `RSS grew from ${before} KiB to ${peak} KiB`).toBeLessThan(1024 * 1024);
  }, 60_000);
});

describe('no orphan processes', () => {
  /** A task whose instance starts a background grandchild, both recording their pids in the working directory. */
  const SLEEPER = 'sleep 600 & echo $! > grandchild.pid; echo $$ > child.pid; wait';

  async function startSleeper(emu: Emu, dataDir: string): Promise<{ uuid: string; pids: number[] }> {
    const uuid = await createTask(emu, { name: 'sleeper', constants: [{ key: 'DOCKER_CMD', value: SLEEPER }] });
    const dir = join(dataDir, 'work', 'tasks', uuid, '0');
    const pids = await waitFor(
      () => {
        const files = ['child.pid', 'grandchild.pid'].map((f) => join(dir, f));
        if (!files.every((f) => existsSync(f) && readFileSync(f, 'utf8').trim() !== '')) return undefined;
        return files.map((f) => Number(readFileSync(f, 'utf8').trim()));
      },
      { what: 'the instance to record its pids' },
    );
    for (const pid of pids) expect(alive(pid)).toBe(true);
    return { uuid, pids };
  }

  it('after abort, stop (SIGTERM) and Ctrl-C (SIGINT)', async () => {
    const dataDir = realpathSync(mkdtempSync(join(tmpdir(), 'qarnot-emu-orphans-')));
    try {
      let emu = await spawnEmulator(['--data', dataDir]);
      const aborted = await startSleeper(emu, dataDir);
      expect((await emu.call('POST', `/tasks/${aborted.uuid}/abort`)).status).toBeLessThan(300);
      await waitFor(() => aborted.pids.every((pid) => !alive(pid)), { what: 'aborted processes to end' });

      const stopped = await startSleeper(emu, dataDir);
      await emu.stop('SIGTERM');
      await waitFor(() => stopped.pids.every((pid) => !alive(pid)), { what: 'processes to end after SIGTERM' });

      emu = await spawnEmulator(['--data', dataDir]);
      const interrupted = await startSleeper(emu, dataDir);
      await emu.stop('SIGINT');
      await waitFor(() => interrupted.pids.every((pid) => !alive(pid)), { what: 'processes to end after SIGINT' });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
