import { execa, type ResultPromise } from 'execa';
import { request } from 'undici';
import { BIN } from './paths.js';

export interface RequestCounts {
  total: number;
  inFlight: number;
  maxInFlight: number;
  byRoute: Record<string, number>;
}

export interface TestEmulator {
  url: string;
  token: string;
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
  const child: ResultPromise = execa('node', [BIN, 'emulator', 'start', '--port', '0', '--speed', String(speed), '--token', token, ...extraArgs], {
    reject: false,
    stdin: 'ignore',
    env: { QARNOT_CONFIG_DIR: '/nonexistent-qarnot-test' },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`emulator did not start within 15 s; stderr: ${stderr}`)), 15_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const found = /QARNOT_CLUSTER_URL=(\S+)\n[\s\S]*QARNOT_CLIENT_TOKEN=\S+\n/.exec(buffered);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
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
    call,
    requests: async () => (await call<RequestCounts>('GET', '/_emulator/requests')).body,
    resetCounters: async () => void (await call('POST', '/_emulator/reset-counters')),
    stop: async () => {
      child.kill('SIGTERM');
      await child;
    },
  };
}
