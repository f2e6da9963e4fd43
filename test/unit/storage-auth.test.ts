import aws4 from 'aws4';
import { describe, expect, it } from 'vitest';
import { authenticate } from '../../src/emulator/storage/auth.js';
import { S3Error } from '../../src/emulator/storage/xml.js';

const secretOf = (key: string) => (key === 'a@example.com' ? 'token-a' : undefined);

function signed(at: Date, opts: { secret?: string; query?: boolean; path?: string } = {}) {
  const stamp = at.toISOString().replace(/[:-]|\.\d{3}/g, '');
  const req = aws4.sign(
    {
      host: '127.0.0.1:9000',
      method: 'GET',
      path: opts.path ?? '/bkt/some%20key?list-type=2&prefix=a%2Fb',
      service: 's3',
      region: 'us-east-1',
      signQuery: opts.query,
      headers: opts.query ? {} : { 'X-Amz-Date': stamp, range: 'bytes=0-1' },
      ...(opts.query ? {} : { extraHeadersToInclude: { range: true } }),
    } as aws4.Request,
    { accessKeyId: 'a@example.com', secretAccessKey: opts.secret ?? 'token-a' },
  );
  const headers = Object.fromEntries(Object.entries(req.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
  return { path: req.path!, headers };
}

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as S3Error).code;
  }
  return 'accepted';
};

describe('storage SigV4 authentication', () => {
  it('accepts a request signed minutes ago (the signing date is the request\'s, not the clock\'s)', () => {
    const r = signed(new Date(Date.now() - 3 * 60_000));
    expect(authenticate('GET', r.path, r.headers, secretOf)).toBe('a@example.com');
  });

  it('refuses a wrong secret, an unknown key, a skewed clock, and no signature at all', () => {
    const bad = signed(new Date(), { secret: 'other' });
    expect(code(() => authenticate('GET', bad.path, bad.headers, secretOf))).toBe('SignatureDoesNotMatch');
    const r = signed(new Date());
    expect(code(() => authenticate('PUT', r.path, r.headers, secretOf))).toBe('SignatureDoesNotMatch');
    expect(code(() => authenticate('GET', r.path, r.headers, () => undefined))).toBe('InvalidAccessKeyId');
    const old = signed(new Date(Date.now() - 20 * 60_000));
    expect(code(() => authenticate('GET', old.path, old.headers, secretOf))).toBe('RequestTimeTooSkewed');
    expect(code(() => authenticate('GET', '/bkt', { host: 'x' }, secretOf))).toBe('AccessDenied');
  });

  it('checks presigned query strings, including their expiry', () => {
    const p = signed(new Date(), { query: true, path: '/bkt/k?X-Amz-Expires=60' });
    expect(authenticate('GET', p.path, p.headers, secretOf)).toBe('a@example.com');
    expect(code(() => authenticate('GET', p.path.replace('/bkt/k', '/bkt/j'), p.headers, secretOf))).toBe('SignatureDoesNotMatch');
    expect(code(() => authenticate('GET', p.path, p.headers, secretOf, Date.now() + 120_000))).toBe('AccessDenied');
  });
});
