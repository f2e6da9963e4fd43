import { describe, expect, it } from 'vitest';
import { parseXml as parseServerXml } from '../../src/emulator/storage/xml.js';
import { parseXml as parseClientXml } from '../../src/storage/xml.js';

// Go's XML encoder (rclone, and servers written in Go) escapes quotes as &#34;:
// a CompleteMultipartUpload from rclone failed with InvalidPart before this was decoded.
describe('S3 XML numeric character references', () => {
  const body = '<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>&#34;abc&#34;</ETag></Part></CompleteMultipartUpload>';

  it('the emulator decodes them in request bodies', () => {
    const doc = parseServerXml(body) as { CompleteMultipartUpload: { Part: { ETag: string }[] } };
    expect(doc.CompleteMultipartUpload.Part[0]!.ETag).toBe('"abc"');
  });

  it('the client decodes them in answers', () => {
    const doc = parseClientXml('<ListBucketResult><Contents><Key>a&#38;b</Key><ETag>&#34;e&#34;</ETag></Contents></ListBucketResult>') as {
      ListBucketResult: { Contents: { Key: string; ETag: string }[] };
    };
    expect(doc.ListBucketResult.Contents[0]).toEqual({ Key: 'a&b', ETag: '"e"' });
  });
});
