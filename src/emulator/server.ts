import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { countRequest, refuseWhileUnsaved, type Core, type Ctx, type Reply } from './core.js';
import type { FaultInjector } from './faults.js';
import { matchRoute, type Route } from './router.js';
import { PageReadAhead, nextPageBody } from './read-ahead.js';
import { outputRoutes } from './routes-output.js';
import { jobRoutes } from './routes-jobs.js';
import { miscRoutes } from './routes-misc.js';
import { poolRoutes } from './routes-pools.js';
import { taskRoutes } from './routes-tasks.js';
import { serviceRoutes } from './routes-services.js';
import { ApiError, camelizeKeys, forbidden, sleep } from './util.js';

const MAX_BODY_BYTES = 64 * 1024 * 1024;
const READ_ONLY_HEADER = 'qarnotreadonlyrequestforaccount';

export function allRoutes(): Route[] {
  // Literal segments must come before {uuid} ones (e.g. /tasks/summaries vs /tasks/{uuid}).
  const routes = [...miscRoutes(), ...taskRoutes(), ...poolRoutes(), ...jobRoutes(), ...outputRoutes(), ...serviceRoutes()];
  const literalness = (r: Route) => r.segs.map((s) => (s.startsWith('{') ? '1' : '0')).join('');
  return routes.sort((a, b) => (literalness(a) < literalness(b) ? -1 : literalness(a) > literalness(b) ? 1 : 0));
}

/**
 * The body, up to MAX_BODY_BYTES. Past that the rest is discarded as it arrives (never
 * held) and the request is answered 413: a reply, not a reset, which the client reads.
 */
function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Reads and drops a body: an unauthenticated one costs no memory, however large. */
function discardBody(req: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    req.on('data', () => undefined);
    req.on('end', resolve);
    req.on('error', () => resolve());
  });
}

function tooLarge(): ApiError {
  return new ApiError(413, `Request body too large (max ${MAX_BODY_BYTES} bytes)`);
}

function send(res: ServerResponse, reply: Reply): void {
  const { status, headers, bytes } = encodeReply(reply);
  res.writeHead(status, headers);
  res.end(bytes);
}

/** Status, headers and body bytes of a reply, with its content-length. */
function encodeReply(reply: Reply): { status: number; headers: Record<string, string>; bytes: Buffer } {
  const headers: Record<string, string> = { ...(reply.headers ?? {}) };
  let bytes: Buffer;
  if (reply.raw !== undefined) {
    bytes = reply.raw;
  } else {
    let body = '';
    if (reply.text !== undefined) {
      body = reply.text;
      headers['content-type'] ??= 'text/plain; charset=utf-8';
    } else if (reply.json !== undefined) {
      body = JSON.stringify(reply.json);
      headers['content-type'] ??= 'application/json; charset=utf-8';
    }
    // JSON.stringify leaves non-ASCII characters as they are, but answers are nearly always
    // ASCII: then the UTF-8 length is the string's length and latin1 is a plain copy, several
    // times cheaper than UTF-8 encoding for 300 KB pages.
    const length = Buffer.byteLength(body, 'utf8');
    bytes = Buffer.from(body, length === body.length ? 'latin1' : 'utf8');
  }
  headers['content-length'] = String(bytes.length);
  return { status: reply.status ?? 200, headers, bytes };
}

function errorReply(e: unknown): Reply {
  if (e instanceof ApiError) {
    return {
      status: e.status,
      json: e.body ?? { message: e.message },
      ...(e.contentType ? { headers: { 'content-type': e.contentType } } : {}),
    };
  }
  return { status: 500, json: { message: `Internal emulator error: ${(e as Error)?.message ?? String(e)}` } };
}

/** `/v1/tasks` and `/tasks` are the same route; returns the path without the version prefix. */
function splitVersion(pathname: string): { prefix: string; path: string } {
  const m = /^\/v\d+(?=\/|$)/i.exec(pathname);
  let path = m ? pathname.slice(m[0].length) : pathname;
  if (path.length > 1 && path.endsWith('/')) path = path.replace(/\/+$/, '');
  return { prefix: m ? m[0] : '', path: path || '/' };
}

export function createEmulatorServer(
  core: Core,
  faults: FaultInjector | null,
  log: ((line: string) => void) | null,
  readAheadMaxAgeMs?: number,
): Server {
  const routes = allRoutes();
  const readAhead = new PageReadAhead(readAheadMaxAgeMs);
  return createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, errorReply(e));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://emulator.local');
    const { prefix, path } = splitVersion(url.pathname);
    const internal = path.startsWith('/_emulator/');
    const matched = matchRoute(routes, method, path);
    if (!internal) countRequest(core.counters, matched ? `${method} ${matched.route.pattern}` : `${method} (no route)`, res);
    const decision = !internal && faults?.active ? faults.decide() : null;
    if (decision && decision.latencyMs > 0) await sleep(decision.latencyMs);
    if (decision?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    let reply: Reply;
    if (decision?.kind === 'status') {
      reply = {
        status: decision.status,
        json: { message: `Injected fault: HTTP ${decision.status}` },
        ...(decision.status === 429 || decision.status === 503 ? { headers: { 'retry-after': '1' } } : {}),
      };
    } else {
      reply = await dispatch(req, method, url, prefix, matched).catch(errorReply);
    }
    if (decision?.kind === 'none' && decision.resetAfter) {
      req.socket.destroy();
      return;
    }
    send(res, reply);
    log?.(`${method} ${url.pathname}${url.search} ${reply.status ?? 200} ${Date.now() - started}ms`);
  }

  async function dispatch(
    req: IncomingMessage,
    method: string,
    url: URL,
    prefix: string,
    matched: ReturnType<typeof matchRoute>,
  ): Promise<Reply> {
    const needsAuth = matched ? matched.route.auth : true;
    const token = req.headers.authorization;
    const caller = typeof token === 'string' ? core.accountsByToken.get(token.trim()) : undefined;
    if (needsAuth && !caller) {
      // Drain the body (without keeping it) so keep-alive connections stay usable.
      await discardBody(req);
      return { status: 401, json: { message: token ? 'Unauthorized: invalid token in the Authorization header' : 'Unauthorized: missing Authorization header' } };
    }
    // A body declared too large is refused before a byte of it is read.
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      void discardBody(req);
      throw tooLarge();
    }
    const raw = await readBody(req);
    if (!matched) return { status: 404, json: { message: `No route for ${method} ${url.pathname}` } };
    let acc = caller ?? core.accountsByToken.values().next().value!;
    const ro = req.headers[READ_ONLY_HEADER];
    if (typeof ro === 'string' && ro !== '' && caller) {
      if (!matched.route.read) throw forbidden('Read-only access cannot be used for write operations');
      const target = core.accountsByEmail.get(ro.trim());
      const allowed =
        target &&
        (target === caller || core.readGrants.some((g) => g.reader === caller.email && g.target === target.email));
      if (!target || !allowed) throw forbidden(`Read-only access to account '${ro}' is not allowed for ${caller.email}`);
      acc = target;
    }
    let body: unknown = undefined;
    // A UTF-8 byte order mark (files saved by Windows editors) is not part of the JSON, as for ASP.NET.
    const text = raw.toString('utf8').replace(/^\uFEFF/, '');
    if (text.trim() !== '') {
      try {
        body = camelizeKeys(JSON.parse(text));
      } catch {
        return { status: 400, json: { message: 'Invalid JSON in the request body' } };
      }
    }
    const host = req.headers.host ?? 'localhost';
    const ctx: Ctx = {
      core,
      acc,
      params: matched.params,
      query: url.searchParams,
      body,
      location: (p) => `http://${host}${prefix}${p}`,
    };
    const route = matched.route;
    if (isWalk(route)) {
      const ready = readAhead.take(PageReadAhead.key(acc.email, route.pattern, body), core.engine.revision);
      if (ready) {
        core.counters.pagesReadAhead++;
        prepareNextPage(route, ctx, ready.next);
        return ready.reply;
      }
    }
    if (route.saves) refuseWhileUnsaved(core);
    if (!route.read) core.engine.noteChange();
    const reply = await route.handler(ctx);
    if (!route.read) core.engine.noteChange();
    if (isWalk(route)) prepareNextPage(route, ctx, nextPageBody(body, reply));
    return reply;
  }

  /** Renders the page a walk will ask for next while its client reads this one. */
  function prepareNextPage(route: Route, ctx: Ctx, next: Record<string, unknown> | null): void {
    if (!next) return;
    const revision = core.engine.revision;
    setImmediate(() => {
      if (core.engine.revision !== revision) return;
      void (async () => {
        const reply = await route.handler({ ...ctx, body: next });
        if (core.engine.revision !== revision || (reply.status ?? 200) !== 200) return;
        const { status, headers, bytes } = encodeReply(reply);
        const rendered: Reply = { status, headers, raw: bytes };
        readAhead.store(PageReadAhead.key(ctx.acc.email, route.pattern, next), revision, { reply: rendered, next: nextPageBody(next, reply) });
      })().catch(() => undefined);
    });
  }
}

const isWalk = (r: Route) => r.method === 'POST' && r.read && r.pattern.endsWith('/paginate');
