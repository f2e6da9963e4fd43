import { oneLine } from '../api/answers.js';
import { CliError } from '../errors.js';
import { readXml } from '../lib/xml.js';

/** Elements that repeat: an array even when the answer holds one. */
const LISTS = new Set([
  'ListBucketResult.Contents',
  'ListBucketResult.CommonPrefixes',
  'ListAllMyBucketsResult.Buckets.Bucket',
  'DeleteResult.Deleted',
  'DeleteResult.Error',
]);

/** A storage answer's XML as plain objects, values as strings; one line when it is not XML. */
export function parseXml(text: string): Record<string, unknown> {
  try {
    return readXml(text, LISTS);
  } catch {
    throw new CliError(`bad answer from the storage: not well-formed XML (${JSON.stringify(oneLine(text, 60))})`);
  }
}
