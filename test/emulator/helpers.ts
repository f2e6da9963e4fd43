import { request } from 'undici';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/index.js';

/** Response bodies are checked field by field in tests: a loose type keeps them readable. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

export interface Api {
  emu: RunningEmulator;
  call<T = Loose>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: T; headers: Record<string, unknown>; text: string }>;
  /** Creates a task and returns its uuid (fails the test on a non-200). */
  task(body: Record<string, unknown>): Promise<string>;
  get<T = Loose>(path: string): Promise<T>;
  stop(): Promise<void>;
}

export async function start(opts: EmulatorOptions = {}): Promise<Api> {
  const emu = await startEmulator({ port: 0, speed: 50, log: () => undefined, ...opts });
  const call: Api['call'] = async (method, path, body, headers = {}) => {
    const res = await request(emu.url + path, {
      method: method as 'GET',
      headers: {
        authorization: emu.token,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.body.text();
    let parsed: Loose = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* text body */
    }
    return { status: res.statusCode, body: parsed, headers: res.headers as Record<string, unknown>, text };
  };
  const task = async (body: Record<string, unknown>) => {
    const r = await call('POST', '/tasks', body);
    if (r.status !== 200) throw new Error(`task creation failed: ${r.status} ${r.text}`);
    return r.body.uuid as string;
  };
  const get = async (path: string) => {
    const r = await call('GET', path);
    if (r.status !== 200) throw new Error(`GET ${path}: ${r.status} ${r.text}`);
    return r.body;
  };
  return { emu, call, task, get, stop: () => emu.stop() };
}

/** Polls until fn returns a truthy value (returned), or throws after timeoutMs. */
export async function waitFor<T>(fn: () => Promise<T> | T, timeoutMs = 10_000, what = "condition"): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v as NonNullable<T>;
      last = v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const FINAL = ['Success', 'Failure', 'Cancelled'];

export async function waitTaskFinal(api: Api, uuid: string, timeoutMs = 15_000): Promise<Loose> {
  return waitFor(async () => {
    const t = await api.get(`/tasks/${uuid}`);
    return FINAL.includes(t.state) ? t : null;
  }, timeoutMs, `task ${uuid} to end`);
}

export const docker = (cmd: string, extra: Record<string, unknown> = {}) => ({
  name: 't',
  profile: 'docker-batch',
  instanceCount: 1,
  constants: [{ key: 'DOCKER_CMD', value: cmd }],
  ...extra,
});
