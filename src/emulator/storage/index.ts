import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { RequestCounters } from '../core.js';
import type { FaultInjector } from '../faults.js';
import type { SecretOf } from './auth.js';
import { createStorageServer } from './server.js';
import { ObjectStore } from './store.js';

export { ObjectStore } from './store.js';

export interface StorageOptions {
  /** Directory of the emulator's state (the --data directory or its temporary one). */
  root: string;
  host: string;
  port: number;
  quotaBytes: number | null;
  secretOf: SecretOf;
  faults: FaultInjector | null;
  counters: RequestCounters | null;
  log: ((line: string) => void) | null;
}

/** The S3-compatible storage: its object store and the endpoint serving it. */
export class Storage {
  private constructor(
    readonly store: ObjectStore,
    readonly url: string,
    private readonly server: Server,
  ) {}

  static async start(opts: StorageOptions): Promise<Storage> {
    const store = new ObjectStore(join(opts.root, 'storage'), opts.quotaBytes);
    const server = createStorageServer({ store, secretOf: opts.secretOf, faults: opts.faults, counters: opts.counters, log: opts.log });
    server.keepAliveTimeout = 5000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port, opts.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const addr = server.address() as AddressInfo;
    const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
    return new Storage(store, `http://${host}:${addr.port}`, server);
  }

  async stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }
}
