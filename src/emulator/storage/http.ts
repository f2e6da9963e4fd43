import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { awsChunkedDecoder, checkMd5Header, type BodyChecks } from './body.js';
import type { ObjectStore, ObjectInfo, ObjectMeta } from './store.js';
import { S3Error, xmlDocument } from './xml.js';

/** One S3 request, authenticated, its path split into bucket and key. */
export interface S3Call {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  /** null for the service (ListBuckets). */
  bucket: string | null;
  /** null for bucket operations; may be '' only if the path is `/bucket/`. */
  key: string | null;
  query: URLSearchParams;
  owner: string;
  store: ObjectStore;
  /** http://host:port of the storage endpoint, for Location fields. */
  base: string;
}

const STORED_HEADERS = ['cache-control', 'content-disposition', 'content-encoding', 'content-language', 'expires'];
const MAX_XML_BODY = 2 * 1024 * 1024;

export function header(call: S3Call, name: string): string | undefined {
  const v = call.req.headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

export function sendXml(call: S3Call, status: number, root: string, body: Record<string, unknown>, headers: Record<string, string> = {}): void {
  const text = xmlDocument(root, body);
  call.res.writeHead(status, { 'content-type': 'application/xml', 'content-length': String(Buffer.byteLength(text)), ...headers });
  call.res.end(text);
}

export function sendEmpty(call: S3Call, status: number, headers: Record<string, string> = {}): void {
  call.res.writeHead(status, { 'content-length': '0', ...headers });
  call.res.end();
}

/** Content type, user metadata and the stored standard headers of a write. */
export function objectInfo(call: S3Call): ObjectInfo {
  const metadata: Record<string, string> = {};
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(call.req.headers)) {
    if (value === undefined) continue;
    let v = Array.isArray(value) ? value.join(',') : value;
    // aws-chunked describes the transfer, not the object.
    if (name === 'content-encoding') v = v.split(',').map((s) => s.trim()).filter((s) => s && s !== 'aws-chunked').join(',');
    if (name.startsWith('x-amz-meta-')) metadata[name.slice('x-amz-meta-'.length)] = v;
    else if (STORED_HEADERS.includes(name) && v !== '') headers[name] = v;
  }
  return { contentType: header(call, 'content-type') ?? 'binary/octet-stream', metadata, headers };
}

/** Headers describing a stored object (GET, HEAD). */
export function objectHeaders(m: ObjectMeta): Record<string, string> {
  const out: Record<string, string> = {
    etag: `"${m.etag}"`,
    'last-modified': new Date(m.lastModified).toUTCString(),
    'content-type': m.contentType,
    'accept-ranges': 'bytes',
    ...m.headers,
  };
  for (const [k, v] of Object.entries(m.metadata)) out[`x-amz-meta-${k}`] = v;
  return out;
}

export function contentLength(call: S3Call): number | null {
  const raw = header(call, 'content-length');
  if (raw === undefined) return null;
  if (!/^\d+$/.test(raw)) throw new S3Error(400, 'InvalidArgument', 'Content-Length must be a non-negative integer.');
  return Number(raw);
}

/**
 * The body of a write, its length and the digests to check: the request itself, or its
 * decoded content when it is aws-chunked (`x-amz-content-sha256: STREAMING-...`).
 */
export function writeBody(call: S3Call): { body: Readable; length: number | null; checks: BodyChecks } {
  const sha = header(call, 'x-amz-content-sha256');
  const checks = { md5: checkMd5Header(header(call, 'content-md5')), crc32: header(call, 'x-amz-checksum-crc32') };
  if (!sha?.startsWith('STREAMING-')) {
    return { body: call.req, length: contentLength(call), checks: { ...checks, sha256: sha && /^[0-9a-f]{64}$/i.test(sha) ? sha : undefined } };
  }
  const decoded = header(call, 'x-amz-decoded-content-length');
  if (decoded === undefined || !/^\d+$/.test(decoded)) throw new S3Error(411, 'MissingContentLength', 'x-amz-decoded-content-length is required with aws-chunked bodies.');
  const body = call.req.pipe(awsChunkedDecoder());
  call.req.on('error', (e) => body.destroy(e));
  return { body, length: Number(decoded), checks };
}

/** A small XML request body, held in memory (at most 2 MiB). */
export function readSmall(call: S3Call): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    call.req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_XML_BODY) {
        reject(new S3Error(400, 'MaxMessageLengthExceeded', 'Your request was too big.'));
        call.req.resume();
        return;
      }
      chunks.push(c);
    });
    call.req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    call.req.on('error', reject);
  });
}

/** `encoding-type=url` asks for keys and prefixes URL-encoded (the AWS CLI always does). */
export function keyEncoder(call: S3Call): (s: string) => string {
  const type = call.query.get('encoding-type');
  if (type === null) return (s) => s;
  if (type !== 'url') throw new S3Error(400, 'InvalidArgument', `Invalid Encoding Method specified in Request: ${type}`);
  return (s) => encodeURIComponent(s);
}

export function owner(email: string): Record<string, string> {
  return { ID: email, DisplayName: email };
}

export const iso = (ms: number) => new Date(ms).toISOString();
