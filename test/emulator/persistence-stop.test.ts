import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runEmulatorStart } from '../../src/emulator/command.js';
import { docker, start, waitFor, waitTaskFinal, type Api } from './helpers.js';
import { alive } from '../helpers/emulator-process.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'emu-persist-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function stdoutPid(api: Api, uuid: string): Promise<number> {
  const text = await waitFor(async () => {
    const t = (await api.call('GET', `/tasks/${uuid}/stdout`)).text;
    return /0> \d+\n/.test(t) ? t : null;
  }, 10_000, 'pid on stdout');
  return Number(/0> (\d+)/.exec(text)![1]);
}

describe('persistence', () => {
  it('keeps the whole state across a restart; running tasks end in Failure', async () => {
    const dataDir = tempDir();
    const a = await start({ dataDir, token: 'first' });
    const job = (await a.call('POST', '/jobs', { name: 'pj', shortname: 'pjob' })).body.uuid;
    const pool = (await a.call('POST', '/pools', { name: 'pp', profile: 'docker-batch', instanceCount: 1 })).body.uuid;
    const done = await a.task(docker('echo persisted', { shortname: 'done-task', tags: ['keep'], jobUuid: job }));
    // The 200 is only sent once the state holding the task is on disk.
    expect(readFileSync(join(dataDir, 'state.json'), 'utf8')).toContain(done);
    await waitTaskFinal(a, done);
    await waitFor(async () => (await a.get(`/pools/${pool}`)).state === 'FullyExecuting');
    const running = await a.task(docker('echo $$; exec sleep 30'));
    const pid = await stdoutPid(a, running);
    expect((await a.call('POST', `/tasks/${done}/stdout`)).text).toBe('0> persisted\n');
    await a.stop();
    expect(alive(pid)).toBe(false);

    const b = await start({ dataDir, token: 'second' });
    try {
      const t = await b.get('/tasks/done-task');
      expect(t).toMatchObject({ uuid: done, state: 'Success', tags: ['keep'], jobUuid: job });
      expect((await b.call('GET', `/tasks/${done}/stdout`)).text).toBe('0> persisted\n');
      // The fresh-output cursor survived too.
      expect((await b.call('POST', `/tasks/${done}/stdout`)).text).toBe('');
      const r = await b.get(`/tasks/${running}`);
      expect(r.state).toBe('Failure');
      expect(r.errors[0].message).toMatch(/emulator stopped/);
      expect((await b.get(`/pools/${pool}`)).state).toBe('FullyExecuting');
      expect((await b.get('/jobs/pjob')).uuid).toBe(job);
      expect((await b.call('GET', '/info', undefined, { authorization: 'first' })).status).toBe(401);
      const later = await b.task(docker('true', { name: 'after-restart' }));
      const page = await b.call('POST', '/tasks/paginate', {});
      expect(page.body.data.map((x: { uuid: string }) => x.uuid)).toEqual([done, running, later]);
      expect((await b.call('POST', '/tasks', docker('true', { shortname: 'done-task' }))).status).toBe(400);
      expect((await b.get('/info')).taskCount).toBe(3);
    } finally {
      await b.stop();
    }
  });

  it('still auto-deletes a closed pool after a restart', async () => {
    const dataDir = tempDir();
    const a = await start({ dataDir });
    const pool = (await a.call('POST', '/pools', { name: 'ap', profile: 'docker-batch', instanceCount: 1, autoDeleteOnCompletion: true, completionTimeToLive: '00:00:01' })).body.uuid;
    await waitFor(async () => (await a.get(`/pools/${pool}`)).state === 'FullyExecuting');
    await a.call('POST', `/pools/${pool}/close`);
    await waitFor(async () => (await a.get(`/pools/${pool}`)).state === 'Closed');
    await a.stop();
    const b = await start({ dataDir });
    try {
      await waitFor(async () => (await b.call('GET', `/pools/${pool}`)).status === 404, 10_000, 'pool deleted after the restart');
    } finally {
      await b.stop();
    }
  });

  it('recovers from a crash snapshot (state copied while running, as after kill -9)', async () => {
    const dataDir = tempDir();
    const a = await start({ dataDir });
    const queued = await a.task(docker('true', { name: 'crash' }));
    const crashCopy = tempDir();
    cpSync(dataDir, crashCopy, { recursive: true });
    // A kill -9'd emulator's lock names a dead pid; this copy's names the live test process.
    rmSync(join(crashCopy, 'emulator.lock'), { force: true });
    await a.stop();
    const b = await start({ dataDir: crashCopy });
    try {
      const t = await waitTaskFinal(b, queued);
      expect(['Success', 'Failure']).toContain(t.state);
      expect(t.name).toBe('crash');
    } finally {
      await b.stop();
    }
  });
});

describe('stop', () => {
  it('leaves no orphan processes and removes the temporary directory', async () => {
    const api = await start();
    const uuid = await api.task(docker('echo $$; exec sleep 30'));
    const pid = await stdoutPid(api, uuid);
    const bg = await api.task(docker('pwd; sleep 30'));
    const cwd = await waitFor(async () => (await api.call('GET', `/tasks/${bg}/stdout/0`)).text.trim(), 10_000, 'pwd');
    expect(alive(pid)).toBe(true);
    expect(existsSync(cwd)).toBe(true);
    await api.stop();
    expect(alive(pid)).toBe(false);
    expect(existsSync(cwd)).toBe(false);
  });

  it('runEmulatorStart prints exactly the environment lines (the two API ones first, then storage), then stops on SIGINT', async () => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (c: Buffer) => (out += c.toString()));
    stderr.on('data', (c: Buffer) => (err += c.toString()));
    const others = process.listeners('SIGINT');
    for (const l of others) process.off('SIGINT', l);
    try {
      const done = runEmulatorStart({ port: 0, token: 'cmd-token', speed: 50 }, { stdout, stderr });
      await waitFor(() => out.includes('QARNOT_CLIENT_TOKEN'), 10_000, 'ready lines');
      expect(out).toMatch(/^QARNOT_CLUSTER_URL=http:\/\/127\.0\.0\.1:\d+\nQARNOT_CLIENT_TOKEN=cmd-token\nQARNOT_STORAGE_URL=http:\/\/127\.0\.0\.1:\d+\n$/);
      expect(err).toMatch(/\/bin\/sh -c/);
      process.emit('SIGINT');
      expect(await done).toBe(0);
    } finally {
      for (const l of others) process.on('SIGINT', l);
    }
    const bad = new PassThrough();
    let badErr = '';
    bad.on('data', (c: Buffer) => (badErr += c.toString()));
    expect(await runEmulatorStart({ port: 0, faults: '503:7' }, { stdout: new PassThrough(), stderr: bad })).toBe(2);
    expect(badErr).toMatch(/between 0 and 1/);
  });
});
