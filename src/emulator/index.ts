import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Core, RequestCounters } from './core.js';
import { FaultInjector, parseFaultSpec } from './faults.js';
import { Engine } from './engine/engine.js';
import { recover } from './engine/recover.js';
import { DEFAULT_EMAIL, validateOptions, type EmulatorOptions } from './options.js';
import { Persistence, restoreAccounts, saveAccounts, type SavedAccount, type SavedState } from './persistence.js';
import { createEmulatorServer } from './server.js';
import { Storage } from './storage/index.js';
import { TaskStorage } from './storage/tasks.js';
import { Account } from './store.js';
import { makeDirectory } from '../lib/make-dir.js';

export type { EmulatorOptions } from './options.js';
export { parseFaultSpec } from './faults.js';
export { validateOptions, parseAccountFlag, parseReadGrantFlag, parseSizeFlag, DEFAULT_PORT, DEFAULT_EMAIL } from './options.js';

export interface RunningEmulator {
  url: string;
  token: string;
  /** The S3-compatible storage endpoint (access key: an account e-mail, secret: its token). */
  storageUrl: string;
  stop(): Promise<void>;
}

const DEFAULT_QUOTAS = { maxTask: 20_000, maxPool: 500, maxJob: 500 };

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export async function startEmulator(opts: EmulatorOptions): Promise<RunningEmulator> {
  validateOptions(opts);
  const host = opts.host ?? '127.0.0.1';
  const warn = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  if (!isLoopback(host)) {
    warn(`WARNING: the Qarnot emulator listens on ${host}, not on a loopback address: anyone who can reach it and knows the token can run shell commands on this machine.`);
  }
  const token = opts.token ?? randomBytes(24).toString('hex');
  const dataDir = opts.dataDir ? resolve(opts.dataDir) : null;
  const tempDir = dataDir ? null : mkdtempSync(join(tmpdir(), 'qarnot-emulator-'));
  const root = dataDir ?? tempDir!;
  const workRoot = join(root, 'work');
  // Under --data: the directory and what it holds are private to the emulator's user.
  try {
    makeDirectory(workRoot, 0o700);
  } catch (error) {
    throw new Error(`--data: cannot create ${workRoot} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); give a writable directory`);
  }

  const accounts = [new Account(DEFAULT_EMAIL, token), ...(opts.accounts ?? []).map((a) => new Account(a.email, a.token))];
  const byEmail = new Map(accounts.map((a) => [a.email, a]));
  const byToken = new Map(accounts.map((a) => [a.token, a]));
  const faultSpec = opts.faults ? parseFaultSpec(opts.faults) : null;
  const counters: RequestCounters = { total: 0, inFlight: 0, maxInFlight: 0, pagesReadAhead: 0, byRoute: {} };

  // The data directory is locked before anything else uses it (its storage, its state).
  let persistence: Persistence | null = null;
  let saved: SavedState | null = null;
  let leftovers: SavedAccount[] = [];
  if (dataDir) {
    persistence = new Persistence(dataDir, () => saveAccounts(accounts, engine.outputSeq, leftovers), warn);
    try {
      saved = Persistence.load(dataDir);
    } catch (e) {
      persistence.release();
      throw e;
    }
  }

  let storage: Storage;
  try {
    storage = await Storage.start({
      root,
      host,
      port: opts.storagePort ?? 0,
      quotaBytes: opts.storageQuotaBytes ?? null,
      secretOf: (email) => byEmail.get(email)?.token,
      faults: faultSpec ? new FaultInjector(faultSpec) : null,
      counters,
      log: opts.log ?? null,
    });
  } catch (e) {
    persistence?.release();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    throw e;
  }

  const engine: Engine = new Engine({
    speed: opts.speed ?? 1,
    workRoot,
    outputCapBytes: opts.outputCapBytes ?? 1024 * 1024,
    maxConcurrentProcesses: opts.maxConcurrentProcesses ?? 64,
    onChange: () => persistence?.markDirty(),
    log: warn,
    data: new TaskStorage(storage.store),
  });
  if (saved) {
    leftovers = restoreAccounts(saved, byEmail, opts.outputCapBytes ?? 1024 * 1024);
    engine.outputSeq = saved.outputSeq ?? 0;
    for (const acc of accounts) recover(engine, acc);
  }

  const core: Core = {
    engine,
    accountsByToken: byToken,
    accountsByEmail: byEmail,
    readGrants: opts.readGrants ?? [],
    quotas: { ...DEFAULT_QUOTAS, ...Object.fromEntries(Object.entries(opts.quotas ?? {}).filter(([, v]) => v !== undefined)) },
    persistence,
    counters,
    startedAt: Date.now(),
    storage,
  };
  const faults = faultSpec ? new FaultInjector(faultSpec) : null;
  const server = createEmulatorServer(core, faults, opts.log ?? null, opts.readAheadMaxAgeMs);
  server.keepAliveTimeout = 5000;

  try {
    await new Promise<void>((res, rej) => {
      server.once('error', rej);
      server.listen(opts.port ?? 8787, host, () => {
        server.off('error', rej);
        res();
      });
    });
  } catch (e) {
    await engine.stop();
    await storage.stop();
    persistence?.release();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    throw e;
  }
  const addr = server.address() as AddressInfo;
  const urlHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections();
      await engine.stop();
      await persistence?.idle();
      persistence?.flushSync();
      await closed;
      await storage.stop();
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    })());

  return { url: `http://${urlHost}:${addr.port}`, token, storageUrl: storage.url, stop };
}
