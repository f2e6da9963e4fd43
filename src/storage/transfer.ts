import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { open, rename, rm, utimes } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Readable } from 'node:stream';
import { CliError } from '../errors.js';
import { unquoteEtag, type S3Client } from './client.js';
import { guessPartSize, multipartCount, multipartEtag, MULTIPART_THRESHOLD, partSizeFor } from './etag.js';
import { abortUpload, completeUpload, createUpload, uploadPart } from './multipart.js';
import { makeDirectory } from '../lib/make-dir.js';

/** Requests in flight, shared by whole files and the parts of big ones. */
export class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

/** Runs `work` on every item with at most `size` at once; every item is tried, the first error is thrown at the end. */
export async function forEachLimited<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const errors: unknown[] = [];
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (error) {
        errors.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  if (errors.length > 0) throw errors[0];
}

/** Bytes moved so far, read by the progress display. */
export interface Meter {
  bytes: number;
}

export interface UploadSource {
  path: string;
  size: number;
  mtimeMs?: number;
}

/** Files under this size are read whole: one read, and Content-MD5 lets the storage check them. */
const SMALL_FILE = 1024 * 1024;

export async function uploadFile(s3: S3Client, limiter: Limiter, meter: Meter, bucket: string, key: string, file: UploadSource): Promise<void> {
  const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
  // rclone's convention: the file's own modification time, restored on download.
  if (file.mtimeMs !== undefined) headers['x-amz-meta-mtime'] = (file.mtimeMs / 1000).toFixed(3);
  if (file.size >= MULTIPART_THRESHOLD) return uploadInParts(s3, limiter, meter, bucket, key, file, headers);
  await limiter.run(async () => {
    if (file.size < SMALL_FILE) {
      // Synchronous on purpose: four thread-pool round trips (open, stat, read, close) for a
      // few KB cost more than the read itself, thousands of times over.
      const body = readFileSync(file.path);
      headers['content-md5'] = createHash('md5').update(body).digest('base64');
      await s3.request({ method: 'PUT', bucket, key, body, headers });
      meter.bytes += body.length;
      return;
    }
    const open = () => counted(createReadStream(file.path, { end: file.size - 1 }), meter);
    const res = await s3.request({ method: 'PUT', bucket, key, headers, body: { length: file.size, open, changed: () => changeOf(file) } });
    checkEtag(unquoteEtag(res.headers.etag), res.sentMd5, key);
  });
}

/** Parts go up in parallel, each retried alone; a failed upload is aborted so no parts linger. */
async function uploadInParts(s3: S3Client, limiter: Limiter, meter: Meter, bucket: string, key: string, file: UploadSource, headers: Record<string, string>): Promise<void> {
  const uploadId = await limiter.run(() => createUpload(s3, bucket, key, headers));
  const partSize = partSizeFor(file.size);
  const etags = new Array<string>(Math.max(1, Math.ceil(file.size / partSize)));
  try {
    await forEachLimited([...etags.keys()], limiter.size, (index) =>
      limiter.run(async () => {
        const start = index * partSize;
        const length = Math.min(partSize, file.size - start);
        const body = { length, open: () => counted(createReadStream(file.path, { start, end: start + length - 1 }), meter) };
        etags[index] = await uploadPart(s3, bucket, key, uploadId, index + 1, body);
      }),
    );
    const changed = changeOf(file);
    if (changed !== undefined) throw new CliError(`the file changed while it was sent (${changed}); run again to send it as it is now`);
    await limiter.run(() => completeUpload(s3, bucket, key, uploadId, etags));
  } catch (error) {
    await abortUpload(s3, bucket, key, uploadId);
    throw error;
  }
}

/**
 * How the file differs from when it was listed, if it does. Only its first `size` bytes are
 * read: a log that grew during the upload was stored cut short, with exit 0, and one written
 * over in place was stored half old, half new. rclone fails such a file the same way.
 */
function changeOf(file: UploadSource): string | undefined {
  let now;
  try {
    now = statSync(file.path);
  } catch (error) {
    return `it is gone (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
  }
  if (now.size !== file.size) return `${file.size} bytes when listed, ${now.size} now`;
  if (file.mtimeMs !== undefined && now.mtimeMs !== file.mtimeMs) return 'written to since it was listed';
  return undefined;
}

function checkEtag(etag: string, sentMd5: string | undefined, what: string): void {
  // Ceph and S3 give the MD5 of what they stored for a simple PUT: a difference is damage on the way.
  if (sentMd5 && /^[0-9a-f]{32}$/.test(etag) && etag !== sentMd5) throw new CliError(`"${what}" arrived damaged (ETag ${etag}, sent MD5 ${sentMd5})`);
}

function counted(stream: Readable, meter: Meter): Readable {
  stream.on('data', (chunk: Buffer) => (meter.bytes += chunk.length));
  return stream;
}

export interface DownloadSource {
  key: string;
  size: number;
  etag: string;
}

/**
 * Into `dest` by way of a temporary file renamed at the end: an interrupted download
 * never leaves a half file under the real name. Big multipart objects come down in
 * ranges matching their parts, so each part's MD5 (and with them the ETag) is checked.
 */
export async function downloadFile(s3: S3Client, limiter: Limiter, meter: Meter, bucket: string, object: DownloadSource, dest: string): Promise<void> {
  try {
    if (object.size < SMALL_FILE && multipartCount(object.etag) === undefined) await downloadSmall(s3, limiter, meter, bucket, object, dest);
    else await downloadLarge(s3, limiter, meter, bucket, object, dest);
  } catch (error) {
    throw localWriteError(error, dest);
  }
}

/**
 * A file system error on the way to `dest` as one line saying what is in the way; other
 * errors as they are. "unexpected error: EISDIR: illegal operation on a directory, rename
 * '/x.qarnot-partial' -> '/x'" tells a user less than "x is a directory".
 */
function localWriteError(error: unknown, dest: string): unknown {
  const { code, path } = error as NodeJS.ErrnoException;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code) || error instanceof CliError) return error;
  const at = path === undefined || path.endsWith(PARTIAL) ? dest : path;
  const why: Record<string, string> = {
    EISDIR: `"${dest}" is a directory, and the object is a file`,
    ENOTEMPTY: `"${dest}" is a directory, and the object is a file`,
    EBUSY: `"${dest}" is a directory, and the object is a file`,
    ENOTDIR: `a file is in the way of the directory "${dirname(dest)}"`,
    EEXIST: `a file is in the way of the directory "${at}"`,
    EACCES: `no permission to write "${at}"`,
    EPERM: `no permission to write "${at}"`,
    EROFS: `"${at}" is on a read-only file system`,
    ENOSPC: `no space left on the device writing "${dest}"`,
    EDQUOT: `disk quota exceeded writing "${dest}"`,
    ENAMETOOLONG: `"${dest}" is too long a name for the local file system`,
  };
  return new CliError(why[code] ?? `cannot write "${at}" (${code})`);
}

/** The suffix of a download in progress, renamed away at its end. */
export const PARTIAL = '.qarnot-partial';

async function downloadLarge(s3: S3Client, limiter: Limiter, meter: Meter, bucket: string, object: DownloadSource, dest: string): Promise<void> {
  makeDirectory(dirname(dest));
  const partial = `${dest}${PARTIAL}`;
  const parts = multipartCount(object.etag);
  const partSize = parts !== undefined ? guessPartSize(object.size, parts) : undefined;
  let mtime: string | undefined;
  const file = await open(partial, 'w');
  try {
    if (partSize !== undefined && parts! > 1) {
      const md5s: Buffer[] = new Array<Buffer>(parts!);
      await forEachLimited([...Array(parts!).keys()], limiter.size, (index) =>
        limiter.run(async () => {
          const start = index * partSize;
          const end = Math.min(object.size, start + partSize) - 1;
          const res = await s3.stream({ method: 'GET', bucket, key: object.key, headers: { range: `bytes=${start}-${end}` } }, async (body) => {
            md5s[index] = await writeAt(file, body, start, meter);
          });
          mtime ??= headerString(res.headers['x-amz-meta-mtime']);
        }),
      );
      const etag = multipartEtag(md5s);
      if (etag !== object.etag) throw new CliError(`"${bucket}/${object.key}" came down damaged (ETag ${object.etag}, got ${etag})`);
    } else {
      const res = await limiter.run(() =>
        s3.stream({ method: 'GET', bucket, key: object.key }, async (body) => {
          const md5 = await writeAt(file, body, 0, meter);
          const etag = unquoteEtag(body.headers.etag);
          if (/^[0-9a-f]{32}$/.test(etag) && md5.toString('hex') !== etag) {
            throw Object.assign(new Error(`"${object.key}" came down damaged`), { code: 'ECONNRESET' });
          }
        }),
      );
      mtime = headerString(res.headers['x-amz-meta-mtime']);
    }
    await file.close();
    await rename(partial, dest);
  } catch (error) {
    await file.close().catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  }
  const seconds = mtime === undefined ? NaN : Number(mtime);
  if (Number.isFinite(seconds)) await utimes(dest, seconds, seconds).catch(() => undefined);
}

const madeDirs = new Set<string>();

/**
 * A small object: read whole, checked against its MD5, then written, its time set and
 * renamed synchronously (one burst of fast system calls instead of six thread-pool round trips).
 */
async function downloadSmall(s3: S3Client, limiter: Limiter, meter: Meter, bucket: string, object: DownloadSource, dest: string): Promise<void> {
  let data = Buffer.alloc(0);
  const res = await limiter.run(() =>
    s3.stream({ method: 'GET', bucket, key: object.key }, async (body) => {
      const chunks: Buffer[] = [];
      for await (const chunk of body as AsyncIterable<Buffer>) chunks.push(chunk);
      data = Buffer.concat(chunks);
      const etag = unquoteEtag(body.headers.etag);
      if (/^[0-9a-f]{32}$/.test(etag) && createHash('md5').update(data).digest('hex') !== etag) {
        throw Object.assign(new Error(`"${object.key}" came down damaged`), { code: 'ECONNRESET' });
      }
    }),
  );
  const dir = dirname(dest);
  if (!madeDirs.has(dir)) {
    makeDirectory(dir);
    madeDirs.add(dir);
  }
  const partial = `${dest}${PARTIAL}`;
  try {
    writeFileSync(partial, data);
    const seconds = Number(headerString(res.headers['x-amz-meta-mtime']) ?? NaN);
    if (Number.isFinite(seconds)) utimesSync(partial, seconds, seconds);
    renameSync(partial, dest);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  meter.bytes += data.length;
}

/**
 * Socket chunks are gathered up to this much per write: a 512 MB object is 8,000 writes of
 * 64 KB otherwise. 512 MB down: 0.93 -> 0.65 s of system time; 1 MiB batches held 50 MB more.
 */
const WRITE_BATCH = 256 * 1024;

/** Writes the stream at `position` (a retry writes the same bytes again) and returns its MD5. */
async function writeAt(file: Awaited<ReturnType<typeof open>>, body: AsyncIterable<Buffer>, position: number, meter: Meter): Promise<Buffer> {
  const hash = createHash('md5');
  let at = position;
  let counted = 0;
  let batch: Buffer[] = [];
  let batchBytes = 0;
  const flush = async () => {
    const buffers = batch;
    batch = [];
    await file.writev(buffers, at);
    at += batchBytes;
    batchBytes = 0;
  };
  try {
    for await (const chunk of body) {
      hash.update(chunk);
      batch.push(chunk);
      batchBytes += chunk.length;
      if (batchBytes >= WRITE_BATCH) await flush();
      counted += chunk.length;
      meter.bytes += chunk.length;
    }
    if (batchBytes > 0) await flush();
  } catch (error) {
    // Bytes of a failed attempt will be sent again: take them back from the meter.
    meter.bytes -= counted;
    throw error;
  }
  return hash.digest();
}

function headerString(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
