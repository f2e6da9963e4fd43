import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempConfigDir } from '../helpers/cli.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';
import { serverTasksByName } from '../helpers/faults.js';
import { BIN } from '../helpers/paths.js';
import { waitFor } from '../helpers/wait.js';

/**
 * A bulk delete stopped by a signal says how far it got (issue 16 #24): the items it deleted,
 * those whose request was in flight (deleted or not: their answer never came) and those it
 * never started, and the emulator's count of what is left agrees.
 */
const COUNT = 40;
let emu: TestEmulator;

beforeAll(async () => {
  // Slow answers: the command is still at work when the signal comes.
  emu = await startEmulator(['--faults', 'latency:250ms']);
});
afterAll(async () => {
  await emu?.stop();
});

describe('an interrupted bulk delete', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('reports what was done, may have been done and not started on %s', async (signal, code) => {
    const tag = `bulk-${signal.toLowerCase()}`;
    const bodies = Array.from({ length: COUNT }, (_, i) => ({ name: `t${i}`, profile: 'docker-batch', instanceCount: 1, tags: [tag], constants: [{ key: 'DOCKER_CMD', value: 'true' }] }));
    const created = await emu.call<{ uuid: string | null }[]>('POST', '/tasks', bodies);
    expect(created.body.filter((item) => item.uuid).length).toBe(COUNT);

    const child = execa('node', [BIN, 'task', 'delete', '--tag', tag, '--yes', '--concurrency', '3'], {
      reject: false,
      extendEnv: false,
      env: { PATH: process.env.PATH, QARNOT_CONFIG_DIR: tempConfigDir(), QARNOT_CLUSTER_URL: emu.url, QARNOT_CLIENT_TOKEN: emu.token },
    });
    let stdout = '';
    child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
    await waitFor(() => stdout.split('\n').length > 3, { timeout: 30_000, what: 'a few deletes' });
    child.kill(signal);
    const result = await child;

    expect(result.exitCode, String(result.stderr)).toBe(code);
    const report = /^interrupted: (\d+) done, (\d+) may have been done, (\d+) not started$/m.exec(String(result.stderr));
    expect(report, String(result.stderr)).not.toBeNull();
    const [done, unanswered, notStarted] = report!.slice(1).map(Number) as [number, number, number];
    expect(done).toBe(String(result.stdout).trimEnd().split('\n').filter((line) => line.endsWith('\tdeleted')).length);
    expect(done + unanswered + notStarted).toBe(COUNT);
    expect(notStarted).toBeGreaterThan(0);
    // What is left: every task not started, and those in flight whose delete did not arrive.
    const left = (await serverTasksByName(emu, tag)).length;
    expect(left).toBeGreaterThanOrEqual(notStarted);
    expect(left).toBeLessThanOrEqual(notStarted + unanswered);
  });
});

describe('an interrupted bucket rm', () => {
  it('reports the keys whose DeleteObjects never came back', async () => {
    // A storage that lists three keys and never answers their deletion.
    let deleteReceived = false;
    const storage = createServer((req, res) => {
      req.resume();
      if (req.method === 'POST') {
        deleteReceived = true;
        return;
      }
      const contents = ['a', 'b', 'c'].map((k) => `<Contents><Key>dir/${k}</Key><Size>1</Size></Contents>`).join('');
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.end(`<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>bkt</Name>${contents}<IsTruncated>false</IsTruncated></ListBucketResult>`);
    });
    await new Promise<void>((resolve) => storage.listen(0, '127.0.0.1', resolve));
    try {
      const child = execa('node', [BIN, 'bucket', 'rm', 'bkt/dir', '-r', '--yes'], {
        reject: false,
        extendEnv: false,
        env: {
          PATH: process.env.PATH,
          QARNOT_CONFIG_DIR: tempConfigDir(),
          QARNOT_CLIENT_TOKEN: 'storage-secret-for-rm',
          QARNOT_STORAGE_URL: `http://127.0.0.1:${(storage.address() as AddressInfo).port}`,
          QARNOT_ACCOUNT_EMAIL: 'a@b.c',
        },
      });
      await waitFor(() => deleteReceived, { what: 'the DeleteObjects request' });
      child.kill('SIGINT');
      const result = await child;
      expect(result.exitCode, String(result.stderr)).toBe(130);
      expect(String(result.stderr).trimEnd()).toBe('interrupted: 0 done, 3 may have been done, 0 not started');
    } finally {
      storage.closeAllConnections();
      await new Promise((resolve) => storage.close(resolve));
    }
  });
});
