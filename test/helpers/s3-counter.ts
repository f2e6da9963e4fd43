import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface S3Counter {
  /** Point QARNOT_STORAGE_URL here: every request goes on to the real storage, counted. */
  url: string;
  /** `PUT`, `GET`, ... → how many; `objectGET` counts GETs of keys (downloads), not listings. */
  counts(): Record<string, number>;
  reset(): void;
  close(): Promise<void>;
}

/**
 * Takes a request over (returns true): answers it, holds it, or passes it on later with
 * `pass`; for faults a test stages (a storage that goes away, a part that never answers).
 */
export type Intercept = (req: IncomingMessage, server: Server, pass: () => void) => boolean;

/**
 * A counting pass-through in front of the emulator's storage: proves what a client
 * sent (a no-change sync transfers nothing) without trusting the client's own account.
 * The Host header is passed on unchanged, so SigV4 signatures stay valid.
 */
export async function startS3Counter(target: string, intercept?: Intercept): Promise<S3Counter> {
  const to = new URL(target);
  let counts: Record<string, number> = {};
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const onKey = path.split('/').filter(Boolean).length > 1;
    const name = `${onKey ? 'object' : 'bucket'}${req.method}`;
    counts[name] = (counts[name] ?? 0) + 1;
    counts[req.method ?? ''] = (counts[req.method ?? ''] ?? 0) + 1;
    if (!intercept?.(req, server, () => forward(req, res))) forward(req, res);
  });
  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const upstream = request({ host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts: () => ({ ...counts }),
    reset: () => void (counts = {}),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
