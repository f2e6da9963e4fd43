import { CliError } from '../errors.js';
import { unquoteEtag, type S3Client } from './client.js';
import { multipartEtag } from './etag.js';
import { writeXml } from '../lib/xml.js';
import { parseXml } from './xml.js';

/** CreateMultipartUpload: the upload id the parts are sent under. */
export async function createUpload(s3: S3Client, bucket: string, key: string, headers: Record<string, string>): Promise<string> {
  const created = await s3.request({ method: 'POST', bucket, key, query: { uploads: '' }, headers });
  const uploadId = (parseXml(created.text).InitiateMultipartUploadResult as { UploadId?: string } | undefined)?.UploadId;
  if (!uploadId) throw new CliError(`the storage gave no upload id for "${bucket}/${key}"`);
  return uploadId;
}

/** UploadPart: the part's ETag (its MD5), checked against what was sent. */
export async function uploadPart(s3: S3Client, bucket: string, key: string, uploadId: string, number: number, body: Parameters<S3Client['request']>[0]['body'], headers?: Record<string, string>): Promise<string> {
  const res = await s3.request({ method: 'PUT', bucket, key, query: { partNumber: String(number), uploadId }, body, headers });
  const etag = unquoteEtag(res.headers.etag);
  if (res.sentMd5 && /^[0-9a-f]{32}$/.test(etag) && etag !== res.sentMd5) throw new CliError(`part ${number} of "${bucket}/${key}" arrived damaged (ETag ${etag}, sent MD5 ${res.sentMd5})`);
  return etag;
}

/** CompleteMultipartUpload, and a check that the object's ETag is the one its parts make. */
export async function completeUpload(s3: S3Client, bucket: string, key: string, uploadId: string, etags: string[]): Promise<void> {
  const body = writeXml('CompleteMultipartUpload', { Part: etags.map((ETag, i) => ({ PartNumber: i + 1, ETag: `"${ETag}"` })) });
  const done = await s3.request({ method: 'POST', bucket, key, query: { uploadId }, body, headers: { 'content-type': 'application/xml' } });
  const answer = parseXml(done.text);
  // Complete may answer 200 with an error in its body.
  const error = answer.Error as { Code?: string } | undefined;
  if (error) throw new CliError(`the storage refused to assemble "${bucket}/${key}": ${error.Code}`);
  const expected = multipartEtag(etags.map((e) => Buffer.from(e, 'hex')));
  const etag = unquoteEtag((answer.CompleteMultipartUploadResult as { ETag?: string } | undefined)?.ETag);
  if (/^[0-9a-f]{32}-\d+$/.test(etag) && etag !== expected) throw new CliError(`"${bucket}/${key}": the assembled object's ETag ${etag} is not its parts' ${expected}`);
}

/** AbortMultipartUpload, best effort: no parts left behind after a failure. */
export async function abortUpload(s3: S3Client, bucket: string, key: string, uploadId: string): Promise<void> {
  await s3.request({ method: 'DELETE', bucket, key, query: { uploadId }, deletes: true, cleanup: true }).catch(() => undefined);
}
