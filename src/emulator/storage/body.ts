import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32 } from 'node:zlib';
import { S3Error } from './xml.js';

/** Digests a client may send with a body; each one sent is checked. */
export interface BodyChecks {
  /** Content-MD5 (base64). */
  md5?: string;
  /** x-amz-content-sha256 when it is a real hash (hex), not UNSIGNED-PAYLOAD. */
  sha256?: string;
  /** x-amz-checksum-crc32 (base64 of the big-endian CRC), sent by recent AWS SDKs and CLIs. */
  crc32?: string;
}

export interface Received {
  tmp: string;
  size: number;
  md5: Buffer;
}

export const quotaExceeded = () => new S3Error(403, 'QuotaExceeded', 'The storage quota of this account is exceeded.');

/**
 * Streams a body to a new file in `tmpDir`, hashing it on the way (never held in memory),
 * and checks its length and digests. The file is removed if anything fails.
 */
export async function receive(body: Readable, tmpDir: string, opts: { checks?: BodyChecks; maxBytes?: number; expectedLength?: number | null } = {}): Promise<Received> {
  const checks = opts.checks ?? {};
  const tmp = join(tmpDir, randomBytes(12).toString('hex'));
  const md5 = createHash('md5');
  const sha = checks.sha256 ? createHash('sha256') : null;
  let crc = 0;
  let size = 0;
  const maxBytes = opts.maxBytes ?? Infinity;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) return done(quotaExceeded());
      md5.update(chunk);
      sha?.update(chunk);
      if (checks.crc32) crc = crc32(chunk, crc);
      done(null, chunk);
    },
  });
  try {
    await pipeline(body, meter, createWriteStream(tmp));
    if (opts.expectedLength != null && size !== opts.expectedLength) {
      throw new S3Error(400, 'IncompleteBody', `You did not provide the number of bytes specified by the Content-Length HTTP header (${size} of ${opts.expectedLength}).`);
    }
    const digest = md5.digest();
    if (checks.md5 !== undefined && checks.md5 !== digest.toString('base64')) {
      throw new S3Error(400, 'BadDigest', 'The Content-MD5 you specified did not match what we received.');
    }
    if (sha && sha.digest('hex') !== checks.sha256!.toLowerCase()) {
      throw new S3Error(400, 'XAmzContentSHA256Mismatch', 'The provided x-amz-content-sha256 header does not match what was computed.');
    }
    if (checks.crc32 !== undefined) {
      const sent = Buffer.alloc(4);
      sent.writeUInt32BE(crc >>> 0);
      if (sent.toString('base64') !== checks.crc32) throw new S3Error(400, 'BadDigest', 'The CRC32 you specified did not match the calculated checksum.');
    }
    return { tmp, size, md5: digest };
  } catch (e) {
    await rm(tmp, { force: true });
    if (e instanceof S3Error) throw e;
    throw new S3Error(400, 'IncompleteBody', `The request body could not be read: ${(e as Error).message}`);
  }
}

/** Checks a Content-MD5 header's form before reading anything (InvalidDigest). */
export function checkMd5Header(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (Buffer.from(value, 'base64').length !== 16) throw new S3Error(400, 'InvalidDigest', 'The Content-MD5 you specified is not valid.');
  return value;
}

const MAX_CHUNK_LINE = 4096;

/**
 * Decodes an `aws-chunked` body (`<hex size>[;chunk-signature=...]\r\n<data>\r\n` ... `0\r\n`,
 * then optional trailers): what AWS SDKs send with `x-amz-content-sha256: STREAMING-...`.
 * Chunk signatures and trailing checksums are not checked (the seed signature is).
 */
export function awsChunkedDecoder(): Transform {
  let state: 'size' | 'data' | 'crlf' | 'trailer' | 'done' = 'size';
  let line = '';
  let remaining = 0;
  const malformed = () => new S3Error(400, 'IncompleteBody', 'The aws-chunked body is malformed.');
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      let at = 0;
      while (at < chunk.length) {
        if (state === 'data') {
          const n = Math.min(remaining, chunk.length - at);
          this.push(chunk.subarray(at, at + n));
          at += n;
          remaining -= n;
          if (remaining === 0) state = 'crlf';
          continue;
        }
        if (state === 'done') return done();
        const nl = chunk.indexOf(10, at);
        const end = nl < 0 ? chunk.length : nl + 1;
        line += chunk.toString('latin1', at, end);
        at = end;
        if (line.length > MAX_CHUNK_LINE) return done(malformed());
        if (nl < 0) continue;
        const text = line.replace(/\r?\n$/, '');
        line = '';
        if (state === 'crlf') {
          if (text !== '') return done(malformed());
          state = 'size';
        } else if (state === 'size') {
          const size = /^([0-9a-fA-F]+)(;.*)?$/.exec(text);
          if (!size) return done(malformed());
          remaining = parseInt(size[1]!, 16);
          state = remaining === 0 ? 'trailer' : 'data';
        } else if (text === '') state = 'done'; // end of the trailers
      }
      done();
    },
    flush(done) {
      done(state === 'done' || (state === 'trailer' && line === '') ? null : malformed());
    },
  });
}
