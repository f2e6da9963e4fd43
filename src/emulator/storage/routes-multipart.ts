import { header, iso, keyEncoder, objectInfo, owner, readSmall, sendEmpty, sendXml, writeBody, type S3Call } from './http.js';
import { copySource, parseRange } from './routes-object.js';
import { ObjectStore, type Bucket } from './store.js';
import { S3Error, invalidArgument, parseXml } from './xml.js';

const MAX_PARTS_LISTED = 1000;

export async function createUpload(call: S3Call, b: Bucket): Promise<void> {
  const u = await call.store.createUpload(b, call.key!, objectInfo(call));
  sendXml(call, 200, 'InitiateMultipartUploadResult', { Bucket: b.name, Key: call.key, UploadId: u.id });
}

/** UploadPart, or UploadPartCopy when x-amz-copy-source is set. */
export async function uploadPart(call: S3Call, b: Bucket): Promise<void> {
  const u = call.store.upload(b, call.key!, call.query.get('uploadId')!);
  const n = ObjectStore.partNumber(call.query.get('partNumber'));
  if (header(call, 'x-amz-copy-source') !== undefined) {
    const src = copySource(call);
    const rawRange = header(call, 'x-amz-copy-source-range');
    const range = rawRange === undefined ? null : parseRange(rawRange, src.meta.size);
    if (rawRange !== undefined && !range) throw invalidArgument('The x-amz-copy-source-range value must be of the form bytes=first-last');
    const part = await call.store.copyPart(u, n, src.bucket, src.meta, range);
    sendXml(call, 200, 'CopyPartResult', { LastModified: iso(part.lastModified), ETag: `"${part.etag}"` });
    return;
  }
  const { body, length, checks } = writeBody(call);
  const part = await call.store.putPart(u, n, body, checks, length);
  sendEmpty(call, 200, { etag: `"${part.etag}"` });
}

export async function completeUpload(call: S3Call, b: Bucket): Promise<void> {
  const id = call.query.get('uploadId')!;
  const again = call.store.completedUpload(b, call.key!, id);
  const u = again ? null : call.store.upload(b, call.key!, id);
  const doc = parseXml(await readSmall(call)).CompleteMultipartUpload as { Part?: { PartNumber?: unknown; ETag?: unknown }[] } | undefined;
  const parts = (doc?.Part ?? []).map((p) => {
    const number = Number(String(p.PartNumber ?? '').trim());
    if (!Number.isInteger(number) || typeof p.ETag !== 'string') throw new S3Error(400, 'MalformedXML', 'Each <Part> needs a <PartNumber> and an <ETag>.');
    return { number, etag: p.ETag.trim() };
  });
  const meta = again ?? (await call.store.completeUpload(u!, parts));
  sendXml(call, 200, 'CompleteMultipartUploadResult', {
    Location: `${call.base}/${encodeURIComponent(b.name)}/${call.key!.split('/').map(encodeURIComponent).join('/')}`,
    Bucket: b.name,
    Key: call.key,
    ETag: `"${meta.etag}"`,
  });
}

export async function abortUpload(call: S3Call, b: Bucket): Promise<void> {
  await call.store.abortUpload(call.store.upload(b, call.key!, call.query.get('uploadId')!));
  sendEmpty(call, 204);
}

export function listParts(call: S3Call, b: Bucket): void {
  const u = call.store.upload(b, call.key!, call.query.get('uploadId')!);
  const marker = Number(call.query.get('part-number-marker') ?? 0) || 0;
  const max = Math.min(MAX_PARTS_LISTED, Number(call.query.get('max-parts') ?? MAX_PARTS_LISTED) || MAX_PARTS_LISTED);
  const all = [...u.parts.values()].filter((p) => p.number > marker).sort((x, y) => x.number - y.number);
  const shown = all.slice(0, max);
  const truncated = all.length > max;
  sendXml(call, 200, 'ListPartsResult', {
    Bucket: b.name,
    Key: keyEncoder(call)(u.key),
    UploadId: u.id,
    Initiator: owner(u.owner),
    Owner: owner(u.owner),
    StorageClass: 'STANDARD',
    PartNumberMarker: marker,
    NextPartNumberMarker: shown.length ? shown[shown.length - 1]!.number : marker,
    MaxParts: max,
    IsTruncated: truncated,
    Part: shown.map((p) => ({ PartNumber: p.number, LastModified: iso(p.lastModified), ETag: `"${p.etag}"`, Size: p.size })),
  });
}

