import { createHash } from 'node:crypto';
import type { S3Client } from './client.js';
import { unquoteEtag } from './client.js';
import { writeXml } from '../lib/xml.js';
import { parseXml } from './xml.js';
import { StorageError } from './errors.js';
import { BadAnswerError, ExitCode } from '../errors.js';
import { oneLine } from '../api/answers.js';

export interface BucketEntry {
  name: string;
  created: string;
}

export interface ObjectEntry {
  key: string;
  size: number;
  etag: string;
  modified: string;
}

export interface ListPage {
  objects: ObjectEntry[];
  /** "Folders" when listing with a delimiter: prefixes ending with it. */
  prefixes: string[];
}

export async function listBuckets(s3: S3Client): Promise<BucketEntry[]> {
  const { text } = await s3.request({ method: 'GET' });
  const result = resultOf(text, 'ListAllMyBucketsResult', 'the listing of buckets') as { Buckets?: { Bucket?: { Name: string; CreationDate?: string }[] } } | undefined;
  return (result?.Buckets?.Bucket ?? []).map((b) => ({ name: b.Name, created: b.CreationDate ?? '' }));
}

/** The answer's root element; an answer without it (an HTML page) would read as an empty listing. */
function resultOf(text: string, root: string, what: string): unknown {
  const result = parseXml(text)[root];
  if (result === undefined) throw new BadAnswerError(`to ${what}: no ${root} in ${JSON.stringify(oneLine(text, 80))}`);
  return result;
}

export async function createBucket(s3: S3Client, bucket: string): Promise<'created' | 'exists'> {
  try {
    await s3.request({ method: 'PUT', bucket });
    return 'created';
  } catch (error) {
    // Creating what we already own is done, not a failure: re-running a script is safe.
    if (error instanceof StorageError && error.code === 'BucketAlreadyOwnedByYou') return 'exists';
    throw error;
  }
}

export async function bucketExists(s3: S3Client, bucket: string): Promise<boolean> {
  try {
    await s3.request({ method: 'HEAD', bucket });
    return true;
  } catch (error) {
    if (error instanceof StorageError && error.exitCode === ExitCode.NotFound) return false;
    throw error;
  }
}

export async function deleteBucket(s3: S3Client, bucket: string): Promise<void> {
  await s3.request({ method: 'DELETE', bucket, deletes: true });
}

/** ListObjectsV2, page after page (1,000 keys each). */
export async function* listObjects(s3: S3Client, bucket: string, options: { prefix?: string; delimiter?: string } = {}): AsyncGenerator<ListPage> {
  let token: string | undefined;
  const tokensSent = new Set<string>();
  do {
    const { text } = await s3.request({
      method: 'GET',
      bucket,
      // Keys come URL-encoded (as the AWS CLI and boto3 ask): a key with a control character
      // cannot be written in XML 1.0, and one such key would make the whole listing unreadable.
      query: { 'list-type': '2', prefix: options.prefix || undefined, delimiter: options.delimiter, 'continuation-token': token, 'encoding-type': 'url' },
    });
    const result = (resultOf(text, 'ListBucketResult', `the listing of bucket "${bucket}"`) || {}) as {
      Contents?: { Key: string; Size: string; ETag?: string; LastModified?: string }[];
      CommonPrefixes?: { Prefix: string }[];
      IsTruncated?: string;
      NextContinuationToken?: string;
      EncodingType?: string;
    };
    // A storage that ignores encoding-type sends keys as they are.
    const decode = result.EncodingType === 'url' ? urlDecoded : String;
    yield {
      objects: (result.Contents ?? []).map((o) => ({ key: decode(o.Key), size: Number(o.Size), etag: unquoteEtag(o.ETag), modified: o.LastModified ?? '' })),
      prefixes: (result.CommonPrefixes ?? []).map((p) => decode(p.Prefix)),
    };
    token = result.IsTruncated === 'true' ? result.NextContinuationToken : undefined;
    if (result.IsTruncated === 'true' && !token) {
      throw new BadAnswerError(`to the listing of bucket "${bucket}": truncated without a continuation token; the rest of the listing cannot be asked for`);
    }
    if (token !== undefined) {
      if (tokensSent.has(token)) {
        throw new BadAnswerError(`to the listing of bucket "${bucket}": the continuation token came back; stopped the walk, which would repeat pages forever`);
      }
      tokensSent.add(token);
    }
  } while (token);
}

/** S3 encodes a space as "+" (and "+" as "%2B"), as a form would. */
function urlDecoded(value: unknown): string {
  return decodeURIComponent(String(value).replace(/\+/g, ' '));
}

/** Every object under a prefix. */
export async function allObjects(s3: S3Client, bucket: string, prefix?: string): Promise<ObjectEntry[]> {
  const objects: ObjectEntry[] = [];
  for await (const page of listObjects(s3, bucket, { prefix })) objects.push(...page.objects);
  return objects;
}

export async function headObject(s3: S3Client, bucket: string, key: string): Promise<ObjectEntry & { metadata: Record<string, string> }> {
  const { headers } = await s3.request({ method: 'HEAD', bucket, key });
  const metadata: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.startsWith('x-amz-meta-') && typeof value === 'string') metadata[name.slice('x-amz-meta-'.length)] = value;
  }
  return {
    key,
    size: Number(headers['content-length'] ?? 0),
    etag: unquoteEtag(headers.etag),
    modified: headers['last-modified'] ? new Date(headers['last-modified']).toISOString() : '',
    metadata,
  };
}

export const DELETE_BATCH = 1000;

/** Keys of a deletion so far: sent, answered (deleted or refused), deleted. */
export interface DeleteProgress {
  sent: number;
  answered: number;
  deleted: number;
}

/** DeleteObjects in batches of 1,000 (S3's limit); returns the keys that could not be deleted. */
// eslint-disable-next-line no-control-regex
const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000d\u000e-\u001f\ufffe\uffff]/;

export async function deleteObjects(
  s3: S3Client,
  bucket: string,
  keys: string[],
  progress: DeleteProgress = { sent: 0, answered: 0, deleted: 0 },
): Promise<{ key: string; code: string }[]> {
  const failures: { key: string; code: string }[] = [];
  // XML 1.0 cannot carry a key with a control character (and turns "\r" into "\n"): such
  // keys go one DELETE each, rather than making their whole batch MalformedXML.
  const inXml = keys.filter((key) => !NOT_IN_XML.test(key));
  for (const key of keys.filter((k) => NOT_IN_XML.test(k))) {
    progress.sent++;
    try {
      await s3.request({ method: 'DELETE', bucket, key, deletes: true });
      progress.deleted++;
    } catch (error) {
      if (!(error instanceof StorageError) || error.exitCode === ExitCode.Auth || error.code === 'NoSuchBucket') throw error;
      failures.push({ key, code: error.code });
    }
    progress.answered++;
  }
  for (let i = 0; i < inXml.length; i += DELETE_BATCH) {
    const batch = inXml.slice(i, i + DELETE_BATCH);
    const body = writeXml('Delete', { Quiet: true, Object: batch.map((Key) => ({ Key })) });
    const md5 = createHash('md5').update(body).digest('base64');
    // Content-MD5 is required by S3 for this call.
    progress.sent += batch.length;
    const { text } = await s3.request({ method: 'POST', bucket, query: { delete: '' }, body, headers: { 'content-type': 'application/xml', 'content-md5': md5 } });
    const errors = ((parseXml(text).DeleteResult as { Error?: { Key: string; Code: string }[] } | undefined)?.Error ?? []).map((e) => ({ key: String(e.Key), code: e.Code }));
    failures.push(...errors);
    progress.answered += batch.length;
    progress.deleted += batch.length - errors.length;
  }
  return failures;
}
