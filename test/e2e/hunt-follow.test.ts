import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

/** Bugs found by hunting through the live verbs (follow, wait, run). */

const ID = '0a1b2c3d-0000-4000-8000-000000000001';

describe('--timeout with an API that never answers', () => {
  // Accepts every request and never answers: a hung API (or proxy).
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer(() => {});
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  // Before: each verb waited out the transport's 60 s idle timeout and its retries (minutes).
  it.each([
    ['task stdout -f', ['task', 'stdout', '-f', ID, '--timeout', '1s']],
    ['task wait', ['task', 'wait', ID, '--timeout', '1s']],
    ['pool wait', ['pool', 'wait', ID, '--timeout', '1s']],
    ['job wait', ['job', 'wait', ID, '--timeout', '1s']],
    ['pool stdout -f', ['pool', 'stdout', '-f', ID, '--timeout', '1s']],
  ])('%s gives up when --timeout passes, with a request in flight (exit 124)', async (_, args) => {
    const result = await cli(args, { env: { QARNOT_CLUSTER_URL: url, QARNOT_CLIENT_TOKEN: 'hunt-token' }, timeout: 30_000 });
    expect(result.exitCode, result.stderr).toBe(124);
    expect(result.stderr).toMatch(/after 1/);
  });
});
