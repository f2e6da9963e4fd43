import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { awsChunkedDecoder } from '../../src/emulator/storage/body.js';
import { compareKeys } from '../../src/emulator/storage/store.js';

async function decode(pieces: string[]): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of Readable.from(pieces.map((p) => Buffer.from(p, 'latin1'))).pipe(awsChunkedDecoder())) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('latin1');
}

describe('aws-chunked bodies', () => {
  const signed = '5;chunk-signature=ab12\r\nhello\r\n6;chunk-signature=cd34\r\n world\r\n0;chunk-signature=ef56\r\n\r\n';
  const trailer = '3\r\nabc\r\n0\r\nx-amz-checksum-crc32:NSRBwg==\r\n\r\n';

  it('keeps only the data, however the body is split', async () => {
    expect(await decode([signed])).toBe('hello world');
    expect(await decode(signed.split(''))).toBe('hello world');
    expect(await decode([trailer.slice(0, 7), trailer.slice(7)])).toBe('abc');
  });

  it('refuses a malformed or truncated body', async () => {
    await expect(decode(['zz\r\nhello'])).rejects.toThrow(/malformed/);
    await expect(decode(['5\r\nhel'])).rejects.toThrow(/malformed/);
  });
});

describe('key order', () => {
  it('is UTF-8 byte order (code points), as S3 lists', () => {
    const keys = ['b', '\u{1F600}', 'a/', '\uFF21', 'a', 'A'];
    expect([...keys].sort(compareKeys)).toEqual([...keys].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y))));
  });
});
