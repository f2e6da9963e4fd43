import { readXml, writeXml } from '../../lib/xml.js';

const S3_NS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const REPEATED = new Set(['Delete.Object', 'CompleteMultipartUpload.Part']);

/** An S3 XML document: `{Root: {...}}` with the S3 namespace on the root element. */
export function xmlDocument(root: string, body: Record<string, unknown>, namespaced = true): string {
  return writeXml(root, body, namespaced ? { xmlns: S3_NS } : {});
}

/** Parses a small request body (DeleteObjects, CompleteMultipartUpload); throws MalformedXML. */
export function parseXml(text: string): Record<string, unknown> {
  try {
    // Values stay strings exactly as sent (keys such as "0001" or " a "); character references
    // are decoded, as Go's encoder (rclone) writes the ETag's quotes as &#34;.
    return readXml(text, REPEATED);
  } catch {
    throw new S3Error(400, 'MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema.');
  }
}

/** An S3 error answer: status, code and message, rendered as S3's <Error> document. */
export class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function errorXml(e: S3Error, resource: string, requestId: string): string {
  return xmlDocument('Error', { Code: e.code, Message: e.message, Resource: resource, RequestId: requestId }, false);
}

export const noSuchBucket = (name: string) => new S3Error(404, 'NoSuchBucket', `The specified bucket does not exist: ${name}`);
export const noSuchKey = () => new S3Error(404, 'NoSuchKey', 'The specified key does not exist.');
export const noSuchUpload = () => new S3Error(404, 'NoSuchUpload', 'The specified multipart upload does not exist.');
export const accessDenied = (message = 'Access Denied') => new S3Error(403, 'AccessDenied', message);
export const invalidArgument = (message: string) => new S3Error(400, 'InvalidArgument', message);
