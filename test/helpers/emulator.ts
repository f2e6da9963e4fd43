import { execa, type ResultPromise } from 'execa';
import { request } from 'undici';
import { BIN } from './paths.js';

/** The emulator's default account (`qarnot emulator start` without --account). */
export const DEFAULT_EMAIL = 'emulator@qarnot.local';

export interface RequestCounts {
  total: number;
  inFlight: number;
  maxInFlight: number;
  byRoute: Record<string, number>;
}

export interface TestEmulator {
  url: string;
  token: string;
  /** The S3-compatible storage endpoint (QARNOT_STORAGE_URL). */
  storageUrl: string;
  /** The default account's e-mail: the storage access key (the token is the secret key). */
  email: string;
  /** The emulator process (e.g. to read its memory in /proc). */
  pid: number;
  /** Calls the emulator directly (test setup and checks), bypassing the CLI. */
  call<T = unknown>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: T }>;
  requests(): Promise<RequestCounts>;
  resetCounters(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts `qarnot emulator start` from the built binary on a free loopback
 * port and reads the two lines it prints when ready.
 */
export async function startEmulator(extraArgs: string[] = [], { speed = 50 } = {}): Promise<TestEmulator> {
  const token = `test-token-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  const child: ResultPromise = execa('node', [BIN, 'emulator', 'start', '--port', '0', '--speed', String(speed), ...extraArgs], {
    reject: false,
    stdin: 'ignore',
    env: { QARNOT_CONFIG_DIR: '/nonexistent-qarnot-test', QARNOT_EMULATOR_TOKEN: token },
  });
  const { url, storageUrl } = await new Promise<{ url: string; storageUrl: string }>((resolve, reject) => {
    let buffered = '';
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`emulator did not start within 15 s; stderr: ${stderr}`)), 15_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const found = /^QARNOT_CLUSTER_URL=(\S+)\nQARNOT_CLIENT_TOKEN=\S+\nQARNOT_STORAGE_URL=(\S+)\n/.exec(buffered);
      if (found) {
        clearTimeout(timer);
        resolve({ url: found[1]!, storageUrl: found[2]! });
      }
    });
    void child.then((result) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited early (${result.exitCode}): ${stderr}`));
    });
  });
  const call = async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await request(url + path, {
      method: method as 'GET',
      headers: { authorization: token, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.body.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // plain text (stdout endpoints)
    }
    return { status: res.statusCode, body: parsed as T };
  };
  return {
    url,
    token,
    storageUrl,
    email: DEFAULT_EMAIL,
    pid: child.pid!,
    call,
    requests: async () => (await call<RequestCounts>('GET', '/_emulator/requests')).body,
    resetCounters: async () => void (await call('POST', '/_emulator/reset-counters')),
    stop: async () => {
      child.kill('SIGTERM');
      await child;
    },
  };
}
