import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { countRequest, type RequestCounters } from '../core.js';
import type { FaultInjector } from '../faults.js';
import { sleep } from '../util.js';
import { authenticate, type SecretOf } from './auth.js';
import type { S3Call } from './http.js';
import { bucketLocation, bucketVersioning, createBucket, deleteBucket, deleteObjects, listBuckets, listObjects, listUploads } from './routes-bucket.js';
import { abortUpload, completeUpload, createUpload, listParts, uploadPart } from './routes-multipart.js';
import { copyObject, deleteObject, getObject, putObject } from './routes-object.js';
import type { ObjectStore } from './store.js';
import { S3Error, errorXml } from './xml.js';

interface StorageServerOptions {
  store: ObjectStore;
  /** The emulator's request counters (GET /_emulator/requests): storage routes count as `S3 <METHOD> <shape>`. */
  counters: RequestCounters | null;
  secretOf: SecretOf;
  faults: FaultInjector | null;
  log: ((line: string) => void) | null;
}

/**
 * Subresources we answer (?versioning only to read it); any other (?acl, ?policy...) is NotImplemented. Parameters
 * that only qualify a request pass (the AWS SDK for JavaScript adds x-id=<Operation> to each).
 */
const BUCKET_SUBRESOURCES = ['location', 'delete', 'uploads', 'versioning'];
const IGNORED_QUERY = /^(x-amz-|x-id$|prefix$|delimiter$|max-keys$|marker$|list-type$|continuation-token$|start-after$|fetch-owner$|encoding-type$|uploadid$|partnumber$|max-parts$|part-number-marker$|key-marker$|upload-id-marker$|max-uploads$|versionid$|response-)/i;

/** Splits `/bucket/key` (path-style addressing); keys are percent-decoded, never normalized. */
function splitPath(rawPath: string): { bucket: string | null; key: string | null } {
  const path = rawPath.slice(1);
  if (path === '') return { bucket: null, key: null };
  const slash = path.indexOf('/');
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      throw new S3Error(400, 'InvalidURI', "Couldn't parse the specified URI.");
    }
  };
  if (slash < 0) return { bucket: decode(path), key: null };
  const key = decode(path.slice(slash + 1));
  return { bucket: decode(path.slice(0, slash)), key: key === '' ? null : key };
}

/** `S3 PUT /{bucket}/{key}?uploadId&partNumber`: the request's shape, without names or values. */
function routeShape(method: string, rawPath: string, query: string): string {
  const segs = rawPath.slice(1).split('/');
  const shape = rawPath === '/' ? '/' : segs.length === 1 || (segs.length === 2 && segs[1] === '') ? '/{bucket}' : '/{bucket}/{key}';
  const names = [...new URLSearchParams(query).keys()].filter((k) => BUCKET_SUBRESOURCES.includes(k) || k === 'uploadId' || k === 'partNumber' || k === 'list-type');
  return `S3 ${method} ${shape}${names.length ? `?${names.join('&')}` : ''}`;
}

async function route(call: S3Call): Promise<void> {
  const { method, query, store } = call;
  if (call.bucket === null) {
    if (method === 'GET') return listBuckets(call);
    throw new S3Error(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
  }
  const unknown = [...query.keys()].find((k) => !IGNORED_QUERY.test(k) && !BUCKET_SUBRESOURCES.includes(k));
  if (unknown !== undefined) throw new S3Error(501, 'NotImplemented', `The emulator does not implement the "${unknown}" subresource.`);
  // Versioning is never enabled; reading that is answered (rclone purge asks), changing it is not.
  if (query.has('versioning') && (call.key !== null || method !== 'GET')) {
    throw new S3Error(501, 'NotImplemented', 'The emulator does not implement the "versioning" subresource.');
  }
  if (call.key === null) {
    if (method === 'PUT') return createBucket(call);
    const b = store.bucket(call.bucket, call.owner);
    if (method === 'HEAD') return void call.res.writeHead(200, { 'content-length': '0' }).end();
    if (method === 'DELETE') return deleteBucket(call);
    if (method === 'GET' && query.has('location')) return bucketLocation(call);
    if (method === 'GET' && query.has('versioning')) return bucketVersioning(call);
    if (method === 'GET' && query.has('uploads')) return listUploads(call, b);
    if (method === 'GET') return listObjects(call, b);
    if (method === 'POST' && query.has('delete')) return deleteObjects(call, b);
    throw new S3Error(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
  }
  // S3's limit: 1024 bytes of UTF-8 (a longer key could never be stored on Qarnot's storage).
  if (Buffer.byteLength(call.key) > 1024) throw new S3Error(400, 'KeyTooLongError', 'Your key is too long');
  const b = store.bucket(call.bucket, call.owner);
  const uploadId = query.has('uploadId');
  switch (method) {
    case 'PUT':
      if (uploadId) return uploadPart(call, b);
      if (call.req.headers['x-amz-copy-source'] !== undefined) return copyObject(call, b);
      return putObject(call, b);
    case 'GET':
      return uploadId ? listParts(call, b) : getObject(call, b, true);
    case 'HEAD':
      return getObject(call, b, false);
    case 'DELETE':
      return uploadId ? abortUpload(call, b) : deleteObject(call, b);
    case 'POST':
      if (query.has('uploads')) return createUpload(call, b);
      if (uploadId) return completeUpload(call, b);
  }
  throw new S3Error(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
}

function sendError(req: IncomingMessage, res: ServerResponse, e: S3Error, resource: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const requestId = randomBytes(8).toString('hex').toUpperCase();
  const body = req.method === 'HEAD' ? '' : errorXml(e, resource, requestId);
  // A body the client is still sending is not read: close the connection rather than drain it.
  const hasBody = (req.headers['content-length'] ?? '0') !== '0' || req.headers['transfer-encoding'] !== undefined;
  const unread = hasBody && !req.complete;
  res.writeHead(e.status, {
    'content-type': 'application/xml',
    'content-length': String(Buffer.byteLength(body)),
    'x-amz-request-id': requestId,
    ...(unread ? { connection: 'close' } : {}),
    ...e.headers,
  });
  res.end(body);
}

/** Injected faults, as S3 would answer them: 503 SlowDown, 500 InternalError, ... */
function faultError(status: number): S3Error {
  const code = status === 503 ? 'SlowDown' : status === 500 ? 'InternalError' : status === 429 ? 'SlowDown' : status === 403 ? 'AccessDenied' : 'InjectedFault';
  return new S3Error(status, code, `Injected fault: HTTP ${status}`, status === 503 || status === 429 ? { 'retry-after': '1' } : {});
}

/** The S3-compatible endpoint: path-style, SigV4-authenticated, over the object store. */
export function createStorageServer(opts: StorageServerOptions): Server {
  const server = createServer((req, res) => {
    void handle(req, res);
  });
  return server;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const rawPath = q >= 0 ? rawUrl.slice(0, q) : rawUrl;
    if (opts.counters) countRequest(opts.counters, routeShape(method, rawPath, q >= 0 ? rawUrl.slice(q + 1) : ''), res);
    const decision = opts.faults?.active ? opts.faults.decide() : null;
    if (decision && decision.latencyMs > 0) await sleep(decision.latencyMs);
    if (decision?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (decision?.kind === 'none' && decision.resetAfter) {
      // Processed, then the connection drops instead of the answer: the client cannot know it worked.
      res.writeHead = (() => {
        req.socket.destroy();
        return res;
      }) as unknown as ServerResponse['writeHead'];
    }
    try {
      if (decision?.kind === 'status') throw faultError(decision.status);
      const owner = authenticate(method, rawUrl, req.headers, opts.secretOf);
      const { bucket, key } = splitPath(rawPath);
      const host = req.headers.host ?? 'localhost';
      await route({ req, res, method, bucket, key, query: new URLSearchParams(q >= 0 ? rawUrl.slice(q + 1) : ''), owner, store: opts.store, base: `http://${host}` });
    } catch (e) {
      const err = e instanceof S3Error ? e : new S3Error(500, 'InternalError', `Internal emulator error: ${(e as Error)?.message ?? String(e)}`);
      sendError(req, res, err, rawPath);
    }
    opts.log?.(`S3 ${method} ${rawPath} ${res.statusCode} ${Date.now() - started}ms`);
  }
}
