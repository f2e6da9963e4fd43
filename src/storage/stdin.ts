import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { S3Client } from './client.js';
import { PART_SIZE } from './etag.js';
import { abortUpload, completeUpload, createUpload, uploadPart } from './multipart.js';

/** Parts of a stream of unknown length held at once: memory stays under this × 8 MiB. */
const PARTS_IN_FLIGHT = 4;

/**
 * A stream of unknown length (stdin) into one object: a single PUT when it ends
 * within 8 MiB, else a multipart upload whose parts are cut as they arrive.
 * Returns the byte count.
 */
export async function uploadStream(s3: S3Client, bucket: string, key: string, input: Readable): Promise<number> {
  const chunks = partsOf(input);
  const first = await chunks.next();
  const firstPart = first.done ? Buffer.alloc(0) : first.value;
  const second = await chunks.next();
  if (second.done) {
    const md5 = createHash('md5').update(firstPart).digest('base64');
    await s3.request({ method: 'PUT', bucket, key, body: firstPart, headers: { 'content-type': 'application/octet-stream', 'content-md5': md5 } });
    return firstPart.length;
  }
  const uploadId = await createUpload(s3, bucket, key, { 'content-type': 'application/octet-stream' });
  const etags: string[] = [];
  const inFlight = new Set<Promise<void>>();
  let total = 0;
  let count = 0;
  // A part that fails while the input is slow to come: nobody awaits it then, so its rejection
  // crashed the process (a stack trace, the multipart upload never aborted, its parts kept
  // stored). It is caught here and ends the wait for the input at once.
  let fail!: (error: unknown) => void;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => undefined);
  const send = (part: Buffer) => {
    const index = count++;
    total += part.length;
    const md5 = createHash('md5').update(part).digest('base64');
    const done: Promise<void> = uploadPart(s3, bucket, key, uploadId, index + 1, part, { 'content-md5': md5 })
      .then((etag) => void (etags[index] = etag), fail)
      .finally(() => inFlight.delete(done));
    inFlight.add(done);
  };
  const next = () => Promise.race([chunks.next(), failed]);
  try {
    send(firstPart);
    send(second.value);
    for (let part = await next(); !part.done; part = await next()) {
      if (inFlight.size >= PARTS_IN_FLIGHT) await Promise.race([...inFlight, failed]);
      send(part.value);
    }
    await Promise.race([Promise.all(inFlight), failed]);
    await completeUpload(s3, bucket, key, uploadId, etags);
    return total;
  } catch (error) {
    // What is left of the input is not wanted: an open standard input would keep the process
    // waiting for its writer to end, however long.
    input.destroy();
    await Promise.allSettled(inFlight);
    await abortUpload(s3, bucket, key, uploadId);
    throw error;
  }
}

/** The stream cut into PART_SIZE buffers (the last one shorter). */
async function* partsOf(input: Readable): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let size = 0;
  for await (const chunk of input as AsyncIterable<Buffer>) {
    let data = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    while (size + data.length >= PART_SIZE) {
      const take = PART_SIZE - size;
      pending.push(data.subarray(0, take));
      yield Buffer.concat(pending);
      data = data.subarray(take);
      pending = [];
      size = 0;
    }
    if (data.length > 0) {
      pending.push(data);
      size += data.length;
    }
  }
  if (size > 0) yield Buffer.concat(pending);
}
