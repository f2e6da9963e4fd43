import { readFileSync } from 'node:fs';
import { execa, type ResultPromise } from 'execa';
import { request } from 'undici';
import { expect } from 'vitest';
import { BIN } from './paths.js';
import { waitFor } from './wait.js';

// The emulator as a process the test controls (pid, stderr, signals, environment),
// for the safety suites; test/helpers/emulator.ts is the everyday one.

export interface Emu {
  url: string;
  token: string;
  pid: number;
  stderr: () => string;
  child: ResultPromise;
  call<T = unknown>(method: string, path: string, body?: unknown, token?: string | null): Promise<{ status: number; body: T; text: string }>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Like test/helpers/emulator.ts, but keeps the process (pid, stderr, signals) and lets the test pick its environment. */
export async function spawnEmulator(args: string[], env: Record<string, string> = {}): Promise<Emu> {
  const token = `safety-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  const child = execa('node', [BIN, 'emulator', 'start', '--port', '0', '--speed', '200', ...args], {
    reject: false,
    stdin: 'ignore',
    env: { QARNOT_CONFIG_DIR: '/nonexistent-qarnot-test', QARNOT_EMULATOR_TOKEN: token, ...env },
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

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function rssKiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]);
}

export async function createTask(emu: Emu, body: Record<string, unknown>): Promise<string> {
  const res = await emu.call<{ uuid: string }>('POST', '/tasks', { profile: 'docker-batch', instanceCount: 1, ...body });
  expect(res.status, res.text).toBeLessThan(300);
  return res.body.uuid;
}
