import { createHash } from 'node:crypto';
import { header, iso, keyEncoder, owner, readSmall, sendEmpty, sendXml, type S3Call } from './http.js';
import type { Bucket, ObjectMeta } from './store.js';
import { S3Error, invalidArgument, parseXml } from './xml.js';

const MAX_KEYS = 1000;
const MAX_DELETE = 1000;

export function listBuckets(call: S3Call): void {
  const buckets = call.store.listBuckets(call.owner).map((b) => ({ Name: b.name, CreationDate: iso(b.created) }));
  sendXml(call, 200, 'ListAllMyBucketsResult', { Owner: owner(call.owner), Buckets: { Bucket: buckets } });
}

export async function createBucket(call: S3Call): Promise<void> {
  await readSmall(call); // CreateBucketConfiguration: the location constraint means nothing here
  await call.store.createBucket(call.bucket!, call.owner);
  sendEmpty(call, 200, { location: `/${call.bucket}` });
}

export async function deleteBucket(call: S3Call): Promise<void> {
  await call.store.deleteBucket(call.bucket!, call.owner);
  sendEmpty(call, 204);
}

function maxKeys(call: S3Call, name = 'max-keys'): number {
  const raw = call.query.get(name);
  if (raw === null || raw === '') return MAX_KEYS;
  if (!/^\d+$/.test(raw)) throw invalidArgument(`Provided ${name} not an integer or within integer range`);
  return Math.min(MAX_KEYS, Number(raw));
}

function contents(m: ObjectMeta, encode: (s: string) => string, withOwner: boolean, email: string): Record<string, unknown> {
  return {
    Key: encode(m.key),
    LastModified: iso(m.lastModified),
    ETag: `"${m.etag}"`,
    Size: m.size,
    StorageClass: 'STANDARD',
    ...(withOwner ? { Owner: owner(email) } : {}),
  };
}

/** ListObjectsV2 (`list-type=2`) or ListObjects (v1, with Marker). */
export function listObjects(call: S3Call, b: Bucket): void {
  const q = call.query;
  const encode = keyEncoder(call);
  const prefix = q.get('prefix') ?? '';
  const delimiter = q.get('delimiter') ?? '';
  const limit = maxKeys(call);
  const common = {
    Name: b.name,
    Prefix: encode(prefix),
    ...(delimiter ? { Delimiter: encode(delimiter) } : {}),
    MaxKeys: limit,
    ...(q.has('encoding-type') ? { EncodingType: 'url' } : {}),
  };
  if (q.get('list-type') === '2') {
    const token = q.get('continuation-token');
    let after = q.get('start-after') ?? '';
    if (token !== null) {
      after = Buffer.from(token, 'base64url').toString('utf8');
      if (!token || Buffer.from(after, 'utf8').toString('base64url') !== token) throw invalidArgument('The continuation token provided is incorrect');
    }
    const r = call.store.list(b, { prefix, delimiter, after, maxKeys: limit });
    sendXml(call, 200, 'ListBucketResult', {
      ...common,
      KeyCount: r.objects.length + r.prefixes.length,
      IsTruncated: r.truncated,
      ...(token !== null ? { ContinuationToken: token } : {}),
      ...(r.truncated && r.last !== null ? { NextContinuationToken: Buffer.from(r.last, 'utf8').toString('base64url') } : {}),
      ...(q.has('start-after') ? { StartAfter: encode(q.get('start-after')!) } : {}),
      Contents: r.objects.map((m) => contents(m, encode, q.get('fetch-owner') === 'true', b.owner)),
      CommonPrefixes: r.prefixes.map((p) => ({ Prefix: encode(p) })),
    });
    return;
  }
  const marker = q.get('marker') ?? '';
  const r = call.store.list(b, { prefix, delimiter, after: marker, maxKeys: limit });
  sendXml(call, 200, 'ListBucketResult', {
    ...common,
    Marker: encode(marker),
    IsTruncated: r.truncated,
    ...(r.truncated && r.last !== null ? { NextMarker: encode(r.last) } : {}),
    Contents: r.objects.map((m) => contents(m, encode, true, b.owner)),
    CommonPrefixes: r.prefixes.map((p) => ({ Prefix: encode(p) })),
  });
}

/** DeleteObjects: `POST /bucket?delete` with up to 1000 keys. */
export async function deleteObjects(call: S3Call, b: Bucket): Promise<void> {
  const text = await readSmall(call);
  const md5 = header(call, 'content-md5');
  if (md5 !== undefined && createHash('md5').update(text, 'utf8').digest('base64') !== md5) {
    throw new S3Error(400, 'BadDigest', 'The Content-MD5 you specified did not match what we received.');
  }
  const doc = parseXml(text).Delete as { Object?: { Key?: unknown }[]; Quiet?: unknown } | undefined;
  const objects = doc?.Object ?? [];
  if (!doc || objects.length === 0 || objects.length > MAX_DELETE || objects.some((o) => typeof o?.Key !== 'string')) {
    throw new S3Error(400, 'MalformedXML', `The XML you provided was not well-formed or did not validate against our published schema (1 to ${MAX_DELETE} <Object><Key> elements).`);
  }
  const quiet = String(doc.Quiet ?? '').trim() === 'true';
  const deleted: { Key: string }[] = [];
  for (const o of objects) {
    await call.store.delete(b, o.Key as string);
    if (!quiet) deleted.push({ Key: o.Key as string });
  }
  sendXml(call, 200, 'DeleteResult', { Deleted: deleted });
}

export function listUploads(call: S3Call, b: Bucket): void {
  const encode = keyEncoder(call);
  const uploads = call.store.uploadsOf(b).filter((u) => u.key.startsWith(call.query.get('prefix') ?? ''));
  sendXml(call, 200, 'ListMultipartUploadsResult', {
    Bucket: b.name,
    KeyMarker: '',
    UploadIdMarker: '',
    MaxUploads: MAX_KEYS,
    IsTruncated: false,
    Upload: uploads.slice(0, MAX_KEYS).map((u) => ({
      Key: encode(u.key),
      UploadId: u.id,
      Initiator: owner(u.owner),
      Owner: owner(u.owner),
      StorageClass: 'STANDARD',
      Initiated: iso(u.initiated),
    })),
  });
}

export function bucketLocation(call: S3Call): void {
  sendXml(call, 200, 'LocationConstraint', {});
}

/** GetBucketVersioning: no Status, as S3 answers for a bucket whose versioning was never enabled. */
export function bucketVersioning(call: S3Call): void {
  sendXml(call, 200, 'VersioningConfiguration', {});
}
