import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';

const MiB = 1024 * 1024;

const SMALL_READ = MiB;

/** Part size of our multipart uploads, as Qarnot's SDKs and the AWS CLI: 8 MiB. */
export const PART_SIZE = 8 * MiB;

/** From this size a file goes up in parts (the AWS CLI's threshold too, so ETags match theirs). */
export const MULTIPART_THRESHOLD = PART_SIZE;

/** S3 allows at most 10,000 parts: bigger files get bigger parts (whole MiB). */
export function partSizeFor(size: number): number {
  const needed = Math.ceil(size / 10_000);
  return needed <= PART_SIZE ? PART_SIZE : Math.ceil(needed / MiB) * MiB;
}

/** `<md5>-<N>`: an object uploaded in N parts. */
export function multipartCount(etag: string): number | undefined {
  const match = /^[0-9a-f]{32}-(\d+)$/i.exec(etag);
  return match ? Number(match[1]) : undefined;
}

/**
 * The part size that gives a multipart ETag's N parts for this size: ours (8 MiB) when
 * it fits, else the smallest whole number of MiB that does (other tools' settings).
 */
export function guessPartSize(size: number, parts: number): number | undefined {
  const fits = (partSize: number) => Math.ceil(size / partSize) === parts || (size === 0 && parts === 1);
  if (fits(partSizeFor(size))) return partSizeFor(size);
  for (let mib = 1; mib <= 5 * 1024; mib++) if (fits(mib * MiB)) return mib * MiB;
  return undefined;
}

/** The ETag S3 gives a file uploaded in parts of `partSize`: md5(concat(part md5s))-N. */
export function multipartEtag(partMd5s: Buffer[]): string {
  return `${createHash('md5').update(Buffer.concat(partMd5s)).digest('hex')}-${partMd5s.length}`;
}

/**
 * The local file's ETag in the form of `remoteEtag` (plain MD5, or multipart with its
 * part count), read once as a stream; undefined when no part size explains the count.
 */
export async function localEtagLike(path: string, size: number, remoteEtag: string): Promise<string | undefined> {
  const form = etagForm(size, remoteEtag);
  if (form === undefined) return undefined;
  if (form === 'md5') return (await partMd5s(path, Number.MAX_SAFE_INTEGER, size))[0]!.toString('hex');
  return multipartEtag(await partMd5s(path, form, size));
}

/** How `remoteEtag` was made for an object of `size`: a plain MD5, parts of some size, or undefined when no part size explains it. */
export function etagForm(size: number, remoteEtag: string): 'md5' | number | undefined {
  const parts = multipartCount(remoteEtag);
  return parts === undefined ? 'md5' : guessPartSize(size, parts);
}

let smallReadBuffer: Buffer | undefined;

/**
 * A small file read synchronously into one reused buffer: for the 2,000 files of 1-64 KB of
 * `npm run bench` (storage), 140 ms against 480 ms with a promise per open, stat, read and
 * close, and no buffer per file for the GC. The event loop waits well under a millisecond per file.
 */
function smallFileMd5(path: string): Buffer {
  smallReadBuffer ??= Buffer.allocUnsafe(SMALL_READ);
  const hash = createHash('md5');
  const fd = openSync(path, 'r');
  try {
    let read: number;
    while ((read = readSync(fd, smallReadBuffer, 0, SMALL_READ, null)) > 0) hash.update(smallReadBuffer.subarray(0, read));
  } finally {
    closeSync(fd);
  }
  return hash.digest();
}

/** MD5 of each `partSize` slice of the file (one for an empty file). */
export async function partMd5s(path: string, partSize: number, size = Number.MAX_SAFE_INTEGER): Promise<Buffer[]> {
  if (size <= SMALL_READ && size <= partSize) return [smallFileMd5(path)];
  const digests: Buffer[] = [];
  let hash = createHash('md5');
  let inPart = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: MiB }) as AsyncIterable<Buffer>) {
    let offset = 0;
    while (offset < chunk.length) {
      const take = Math.min(chunk.length - offset, partSize - inPart);
      hash.update(chunk.subarray(offset, offset + take));
      offset += take;
      inPart += take;
      if (inPart === partSize) {
        digests.push(hash.digest());
        hash = createHash('md5');
        inPart = 0;
      }
    }
  }
  if (inPart > 0 || digests.length === 0) digests.push(hash.digest());
  return digests;
}
