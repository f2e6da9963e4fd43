import { request } from 'node:http';
import aws4 from 'aws4';
import type { AwsCredentials } from './aws.js';

export interface S3Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * One SigV4-signed request to the emulator's storage, for test setup and checks (the
 * protocol itself is proven with the AWS CLI). `path` is `/bucket/key?query`, already encoded,
 * sent as it is (no URL parser resolves `..` in it).
 */
export function s3(creds: AwsCredentials, method: string, path: string, body?: string | Buffer, headers: Record<string, string> = {}): Promise<S3Answer> {
  const url = new URL(creds.endpoint);
  const signed = aws4.sign(
    { host: url.host, method, path, service: 's3', region: 'us-east-1', headers: { ...headers }, ...(body === undefined ? {} : { body }) },
    { accessKeyId: creds.accessKey, secretAccessKey: creds.secretKey },
  );
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method, path: signed.path, headers: signed.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** `/bucket/key` with each segment of the key percent-encoded. */
export const objectPath = (bucket: string, key: string) => `/${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
