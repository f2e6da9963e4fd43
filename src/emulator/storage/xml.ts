import { XMLBuilder, XMLParser } from 'fast-xml-parser';

const S3_NS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const builder = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: false });
// Keys such as "0001" or " a " stay strings, exactly as sent.
// htmlEntities: Go's encoder (rclone) writes the ETag's quotes as &#34;, which only that option decodes.
const parser = new XMLParser({ parseTagValue: false, trimValues: false, htmlEntities: true, isArray: (name) => name === 'Object' || name === 'Part' });

/** An S3 XML document: `{Root: {...}}` with the S3 namespace on the root element. */
export function xmlDocument(root: string, body: Record<string, unknown>, namespaced = true): string {
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    [root]: namespaced ? { '@_xmlns': S3_NS, ...body } : body,
  }) as string;
}

/** Parses a small request body (DeleteObjects, CompleteMultipartUpload); throws MalformedXML. */
export function parseXml(text: string): Record<string, unknown> {
  try {
    const doc = parser.parse(text, true) as unknown;
    if (doc && typeof doc === 'object') return doc as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new S3Error(400, 'MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema.');
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
