import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

/**
 * An API that echoes the token back in its error messages, whole, upper-cased
 * and cut: no copy, in any case, nor any run of 12 of its characters, reaches
 * stdout or stderr, whichever verb prints the message.
 */
const TOKEN = 'Kx9fQ2mZ7pL4vN8rT1wY6cB3hJ5sD0gA2eU7iO9k';
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const auth = String(req.headers.authorization ?? '');
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message: `refused ${auth} (${auth.toUpperCase()}), prefix ${auth.slice(0, 20)}, middle ${auth.slice(10, 30).toLowerCase()}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function leaks(text: string): string | undefined {
  const lower = text.toLowerCase();
  const secret = TOKEN.toLowerCase();
  for (let i = 0; i + 12 <= secret.length; i++) if (lower.includes(secret.slice(i, i + 12))) return secret.slice(i, i + 12);
  return undefined;
}

const UUID = '00000000-0000-4000-8000-000000000000';

describe('the token is redacted on every path', () => {
  for (const args of [
    ['task', 'delete', UUID, '--yes'],
    ['task', 'abort', UUID, '--yes'],
    ['pool', 'delete', UUID, '--yes'],
    ['job', 'delete', UUID, '--yes'],
    ['task', 'show', UUID],
    ['task', 'list', '--verbose'],
  ]) {
    it(`qarnot ${args.join(' ')}`, async () => {
      const result = await cli(args, { env: { QARNOT_CLUSTER_URL: url, QARNOT_CLIENT_TOKEN: TOKEN } });
      expect(result.exitCode).not.toBe(0);
      expect(result.stdout + result.stderr).toContain('refused');
      expect(leaks(result.stdout), result.stdout).toBeUndefined();
      expect(leaks(result.stderr), result.stderr).toBeUndefined();
    });
  }
});
