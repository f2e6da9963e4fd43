import type { Agent, IncomingHttpHeaders, request as httpRequest } from 'node:http';

/** One HTTP exchange, as the core sees it: no retries, no interpretation. */
export interface TransportRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
}

export interface TransportResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

export interface TransportTimeouts {
  /** Until the TCP (and TLS) connection is up. */
  connectMs: number;
  /** Longest silence once connected, waiting for headers or body bytes. */
  idleMs: number;
}

const DEFAULT_TIMEOUTS: TransportTimeouts = { connectMs: 10_000, idleMs: 60_000 };

/**
 * Node's own http/https with keep-alive. Not undici: on Node 20 undici's first
 * request compiles its WebAssembly HTTP parser, which tripled the time of a
 * one-call command (`task show`: 0.45 s against 0.14 s, see the commit).
 * Errors carry `code`: the system's (ECONNREFUSED, ECONNRESET ...) or
 * CONNECT_TIMEOUT / IDLE_TIMEOUT, which the retry policy reads.
 */
export function nodeTransport(timeouts: TransportTimeouts = DEFAULT_TIMEOUTS): Transport {
  // One keep-alive agent per scheme, loaded on first use (node:https brings
  // TLS along: not worth loading for a local emulator). Idle keep-alive
  // sockets are unref'd by Node: they never hold the process open.
  const clients = new Map<string, Promise<{ send: typeof httpRequest; agent: Agent }>>();
  const clientFor = (protocol: string) => {
    let client = clients.get(protocol);
    if (!client) {
      client = (protocol === 'https:' ? import('node:https') : import('node:http')).then((m) => ({
        send: m.request as typeof httpRequest,
        agent: new m.Agent({ keepAlive: true, maxSockets: 64 }),
      }));
      clients.set(protocol, client);
    }
    return client;
  };
  return async ({ method, url, headers, body, signal }) => {
    const target = new URL(url);
    const { send, agent } = await clientFor(target.protocol);
    return new Promise((resolve, reject) => {
      const fail = (code: string, message: string) => req.destroy(Object.assign(new Error(message), { code }));
      const req = send(target, { method, headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) }, agent, signal }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: plainHeaders(res.headers), text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
        res.on('aborted', () => reject(Object.assign(new Error('the connection closed in the middle of the answer'), { code: 'ECONNRESET' })));
      });
      req.on('error', reject);
      req.setTimeout(timeouts.idleMs, () => fail('IDLE_TIMEOUT', `no answer for ${timeouts.idleMs / 1000} s`));
      req.on('socket', (socket) => {
        if (!socket.connecting) return;
        const timer = setTimeout(() => fail('CONNECT_TIMEOUT', `could not connect in ${timeouts.connectMs / 1000} s`), timeouts.connectMs);
        socket.once('connect', () => clearTimeout(timer));
        socket.once('close', () => clearTimeout(timer));
      });
      req.end(body);
    });
  };
}

function plainHeaders(headers: IncomingHttpHeaders): Record<string, string | string[] | undefined> {
  return { ...headers };
}
