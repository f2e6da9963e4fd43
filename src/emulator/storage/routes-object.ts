import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { header, iso, objectHeaders, objectInfo, sendEmpty, sendXml, writeBody, type S3Call } from './http.js';
import type { Bucket, ObjectMeta } from './store.js';
import { S3Error, accessDenied, noSuchKey } from './xml.js';

export async function putObject(call: S3Call, b: Bucket): Promise<void> {
  const { body, length, checks } = writeBody(call);
  const meta = await call.store.put(b, call.key!, body, { info: objectInfo(call), checks, contentLength: length });
  sendEmpty(call, 200, { etag: `"${meta.etag}"` });
}

export async function deleteObject(call: S3Call, b: Bucket): Promise<void> {
  await call.store.delete(b, call.key!);
  sendEmpty(call, 204);
}

/** `bytes=a-b`, `bytes=a-` or `bytes=-n`; null for no range (or one S3 ignores, such as several). */
export function parseRange(raw: string | undefined, size: number): { start: number; end: number } | null {
  const m = raw ? /^bytes=(\d*)-(\d*)$/.exec(raw.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
    if (m[2] !== '' && Number(m[2]) < start) return null;
  }
  if (start >= size || (m[1] === '' && Number(m[2]) === 0)) {
    throw new S3Error(416, 'InvalidRange', 'The requested range is not satisfiable', { 'content-range': `bytes */${size}` });
  }
  return { start, end };
}

/** If-Match / If-None-Match / If-(Un)Modified-Since: the status to answer instead, if any. */
function precondition(call: S3Call, m: ObjectMeta): number | null {
  const etag = `"${m.etag}"`;
  const matches = (list: string) => list.split(',').some((t) => t.trim() === '*' || t.trim() === etag || t.trim() === m.etag);
  const seconds = Math.floor(m.lastModified / 1000) * 1000;
  const ifMatch = header(call, 'if-match');
  if (ifMatch !== undefined && !matches(ifMatch)) return 412;
  const unmodified = Date.parse(header(call, 'if-unmodified-since') ?? '');
  if (ifMatch === undefined && Number.isFinite(unmodified) && seconds > unmodified) return 412;
  const ifNone = header(call, 'if-none-match');
  if (ifNone !== undefined && matches(ifNone)) return 304;
  const modified = Date.parse(header(call, 'if-modified-since') ?? '');
  if (ifNone === undefined && Number.isFinite(modified) && seconds <= modified) return 304;
  return null;
}

/** GetObject and HeadObject; the data is streamed from an open file, so a concurrent overwrite cannot cut it. */
export async function getObject(call: S3Call, b: Bucket, withBody: boolean): Promise<void> {
  const m = call.store.head(b, call.key!);
  const pre = precondition(call, m);
  if (pre === 412) throw new S3Error(412, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold');
  const headers = objectHeaders(m);
  if (pre === 304) {
    call.res.writeHead(304, { etag: headers.etag!, 'last-modified': headers['last-modified']! });
    call.res.end();
    return;
  }
  // response-content-type=... and the like override the stored headers (presigned downloads use them).
  for (const name of ['content-type', 'content-disposition', 'cache-control', 'content-encoding', 'content-language', 'expires']) {
    const v = call.query.get(`response-${name}`);
    if (v !== null) headers[name] = v;
  }
  const range = parseRange(header(call, 'range'), m.size);
  const length = range ? range.end - range.start + 1 : m.size;
  if (range) headers['content-range'] = `bytes ${range.start}-${range.end}/${m.size}`;
  headers['content-length'] = String(length);
  if (!withBody || length === 0) {
    call.res.writeHead(range ? 206 : 200, headers);
    call.res.end();
    return;
  }
  const file = await open(call.store.dataPath(b, m), 'r').catch(() => {
    throw noSuchKey();
  });
  call.res.writeHead(range ? 206 : 200, headers);
  await pipeline(file.createReadStream(range ?? {}), call.res).catch(() => call.res.destroy());
}

/** Parses x-amz-copy-source (`bucket/key` or `/bucket/key`, URL-encoded) to a readable source object. */
export function copySource(call: S3Call): { bucket: Bucket; meta: ObjectMeta } {
  const raw = header(call, 'x-amz-copy-source')!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw.split('?')[0]!);
  } catch {
    throw new S3Error(400, 'InvalidArgument', 'Invalid copy source encoding');
  }
  const path = decoded.startsWith('/') ? decoded.slice(1) : decoded;
  const slash = path.indexOf('/');
  if (slash <= 0 || slash === path.length - 1) throw new S3Error(400, 'InvalidArgument', 'Copy Source must mention the source bucket and key: sourcebucket/sourcekey');
  const srcBucket = call.store.find(path.slice(0, slash));
  if (!srcBucket) throw new S3Error(404, 'NoSuchBucket', 'The specified bucket does not exist');
  if (srcBucket.owner !== call.owner) throw accessDenied();
  return { bucket: srcBucket, meta: call.store.head(srcBucket, path.slice(slash + 1)) };
}

export async function copyObject(call: S3Call, b: Bucket): Promise<void> {
  const src = copySource(call);
  const directive = (header(call, 'x-amz-metadata-directive') ?? 'COPY').toUpperCase();
  if (directive !== 'COPY' && directive !== 'REPLACE') throw new S3Error(400, 'InvalidArgument', 'Unknown metadata directive.');
  if (directive === 'COPY' && src.bucket === b && src.meta.key === call.key) {
    throw new S3Error(400, 'InvalidRequest', "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.");
  }
  const info = directive === 'REPLACE' ? objectInfo(call) : { contentType: src.meta.contentType, metadata: src.meta.metadata, headers: src.meta.headers };
  const meta = await call.store.copy(src.bucket, src.meta, b, call.key!, info);
  sendXml(call, 200, 'CopyObjectResult', { LastModified: iso(meta.lastModified), ETag: `"${meta.etag}"` });
}
