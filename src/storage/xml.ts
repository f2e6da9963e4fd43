import { XMLBuilder, XMLParser } from 'fast-xml-parser';

// S3 speaks XML; fast-xml-parser reads and writes it. Values stay strings: a
// key like "007" or "1e3" must not become a number.
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
  processEntities: true,
  // Numeric character references (&#34;) as Go-written servers send them.
  htmlEntities: true,
  // The name first: turning the path into a string for every element doubled the parse time.
  isArray: (name, path) => LIST_NAMES.has(name) && LISTS.has(String(path)),
});

/** Elements that repeat: an array even when the answer holds one. */
const LISTS = new Set([
  'ListBucketResult.Contents',
  'ListBucketResult.CommonPrefixes',
  'ListAllMyBucketsResult.Buckets.Bucket',
  'DeleteResult.Deleted',
  'DeleteResult.Error',
]);
const LIST_NAMES = new Set([...LISTS].map((path) => path.slice(path.lastIndexOf('.') + 1)));

export function parseXml(text: string): Record<string, unknown> {
  return parser.parse(text) as Record<string, unknown>;
}

const builder = new XMLBuilder({ processEntities: true, suppressEmptyNode: false });

/** The request bodies we send (DeleteObjects, CompleteMultipartUpload). */
export function buildXml(document: Record<string, unknown>): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${builder.build(document) as string}`;
}
