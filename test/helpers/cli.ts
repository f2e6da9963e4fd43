import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { BIN } from './paths.js';
import type { TestEmulator } from './emulator.js';

export interface CliResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface CliOptions {
  emulator?: TestEmulator;
  /** Extra environment; the process gets no other variables but PATH. */
  env?: Record<string, string | undefined>;
  input?: string;
  configDir?: string;
  timeout?: number;
}

export function tempConfigDir(): string {
  return mkdtempSync(join(tmpdir(), 'qarnot-test-config-'));
}

const secretsSeen = new Set<string>();

// One code cache (src/lib/chunk-loader.ts) for the runs of a test file, as a user's runs share
// theirs: a fresh one per run would make it again every time. test/e2e/code-cache.test.ts tests it.
const sharedCodeCache = mkdtempSync(join(tmpdir(), 'qarnot-test-cache-'));

/**
 * Runs the built binary with a clean environment and a private config
 * directory. Every run is checked for the token: it must never be printed.
 */
export function cli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return startCli(args, options).result;
}

export interface RunningCli {
  /** What the command has written to stderr so far (to wait for a line while it runs). */
  stderr(): string;
  /** Its outcome, as cli() gives it. */
  result: Promise<CliResult>;
}

/** As cli(), without waiting for the end: for what must happen while the command runs. */
export function startCli(args: string[], options: CliOptions = {}): RunningCli {
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: options.configDir ?? tempConfigDir(),
    QARNOT_CONFIG_DIR: options.configDir ?? tempConfigDir(),
    XDG_CACHE_HOME: sharedCodeCache,
    ...(options.emulator ? { QARNOT_CLUSTER_URL: options.emulator.url, QARNOT_CLIENT_TOKEN: options.emulator.token } : {}),
    ...options.env,
  };
  if (options.emulator) secretsSeen.add(options.emulator.token);
  if (env.QARNOT_CLIENT_TOKEN) secretsSeen.add(env.QARNOT_CLIENT_TOKEN);
  const child = execa('node', [BIN, ...args], {
    env,
    extendEnv: false,
    reject: false,
    input: options.input,
    stdin: options.input === undefined ? 'ignore' : undefined,
    timeout: options.timeout ?? 60_000,
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const result = child.then((done) => {
    const out = { stdout: String(done.stdout), stderr: String(done.stderr), exitCode: done.exitCode ?? -1 };
    for (const secret of secretsSeen) {
      if (out.stdout.includes(secret) || out.stderr.includes(secret)) {
        throw new Error(`the token was printed by "qarnot ${args.join(' ')}"`);
      }
    }
    return out;
  });
  return { stderr: () => stderr, result };
}

/** Runs and expects exit 0; returns stdout. */
export async function cliOk(args: string[], options: CliOptions = {}): Promise<string> {
  const result = await cli(args, options);
  if (result.exitCode !== 0) {
    throw new Error(`qarnot ${args.join(' ')} exited ${result.exitCode}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
  }
  return result.stdout;
}
