import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { execa, type ResultPromise } from 'execa';
import { request } from 'undici';
import { BIN } from '../helpers/paths.js';
import { waitFor } from '../helpers/wait.js';

/**
 * Emulator safety beyond test/e2e/emulator-safety.test.ts: a killed emulator
 * leaves no process, its environment stays private, a chatty task is bounded.
 */

interface Emu {
  url: string;
  token: string;
  pid: number;
  stderr: () => string;
  child: ResultPromise;
  call<T = unknown>(method: string, path: string, body?: unknown, token?: string | null): Promise<{ status: number; body: T; text: string }>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Like test/helpers/emulator.ts, but keeps the process (pid, stderr, signals) and lets the test pick its environment. */
async function spawnEmulator(args: string[], env: Record<string, string> = {}): Promise<Emu> {
  const token = `safety-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  const child = execa('node', [BIN, 'emulator', 'start', '--port', '0', '--speed', '200', '--token', token, ...args], {
    reject: false,
    stdin: 'ignore',
    env: { QARNOT_CONFIG_DIR: '/nonexistent-qarnot-test', ...env },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const url = await waitFor(() => /QARNOT_CLUSTER_URL=(\S+)\n/.exec(stdout)?.[1], { timeout: 15_000, what: 'the emulator to start' });
  const call = async <T>(method: string, path: string, body?: unknown, auth: string | null = token) => {
    const res = await request(url + path, {
      method: method as 'GET',
      headers: { ...(auth === null ? {} : { authorization: auth }), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.body.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // plain text
    }
    return { status: res.statusCode, body: parsed as T, text };
  };
  return {
    url,
    token,
    pid: child.pid!,
    stderr: () => stderr,
    child,
    call,
    stop: async (signal = 'SIGTERM') => {
      child.kill(signal);
      await child;
    },
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function rssKiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]);
}

async function createTask(emu: Emu, body: Record<string, unknown>): Promise<string> {
  const res = await emu.call<{ uuid: string }>('POST', '/tasks', { profile: 'docker-batch', instanceCount: 1, ...body });
  expect(res.status, res.text).toBeLessThan(300);
  return res.body.uuid;
}

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
