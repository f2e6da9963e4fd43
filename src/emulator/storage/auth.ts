import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import aws4 from 'aws4';
import { S3Error, accessDenied } from './xml.js';

/** Secret (the token) of an access key (the account's e-mail), or undefined. */
export type SecretOf = (accessKey: string) => string | undefined;

const MAX_SKEW_MS = 15 * 60 * 1000;
const MAX_PRESIGN_SECONDS = 7 * 24 * 3600;

const signatureMismatch = () =>
  new S3Error(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.');
const malformed = (what: string) => new S3Error(400, 'AuthorizationHeaderMalformed', `The authorization header is malformed: ${what}`);

interface Credential {
  accessKey: string;
  date: string;
  region: string;
  service: string;
}

/** `<access key>/<yyyymmdd>/<region>/<service>/aws4_request`; the access key (an e-mail) contains no '/'. */
function parseCredential(raw: string): Credential | null {
  const parts = raw.split('/');
  if (parts.length < 5 || parts[parts.length - 1] !== 'aws4_request') return null;
  const [service, region, date] = [parts[parts.length - 2]!, parts[parts.length - 3]!, parts[parts.length - 4]!];
  return { accessKey: parts.slice(0, -4).join('/'), date, region, service };
}

function amzDate(value: string | undefined): number | null {
  const m = value ? /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/.exec(value) : null;
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : null;
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

/**
 * The signature the client should have sent, computed by aws4 over the same request: the
 * signed headers only (aws4 skips some headers, such as range, unless told to include them).
 */
function expected(method: string, path: string, headers: IncomingHttpHeaders, signed: string[], cred: Credential, secret: string, presigned: boolean): string {
  const sent: Record<string, string> = {};
  const include: Record<string, boolean> = {};
  const ignore: Record<string, boolean> = {};
  for (const name of signed) {
    sent[name] = header(headers, name) ?? '';
    include[name] = true;
  }
  if (!presigned) {
    // aws4 reads the payload hash and date from these even when they are not signed.
    for (const name of ['x-amz-content-sha256', 'x-amz-date']) {
      if (include[name]) continue;
      const v = header(headers, name);
      if (v !== undefined) sent[name] = v;
      ignore[name] = true;
    }
  }
  const signer = new aws4.RequestSigner(
    {
      method,
      path,
      headers: sent,
      service: cred.service,
      region: cred.region,
      signQuery: presigned,
      extraHeadersToInclude: include,
      extraHeadersToIgnore: ignore,
    } as aws4.Request,
    { accessKeyId: cred.accessKey, secretAccessKey: secret },
  ) as unknown as { prepareRequest(): void; signature(): string };
  // Before signature(): it would otherwise take the signing date from the clock, not from the request.
  signer.prepareRequest();
  return signer.signature();
}

/**
 * Checks a request's AWS Signature V4, in the Authorization header or in a presigned query
 * string, and returns the account e-mail (the access key). Throws the S3 error to answer.
 */
export function authenticate(method: string, rawUrl: string, headers: IncomingHttpHeaders, secretOf: SecretOf, now = Date.now()): string {
  const q = rawUrl.indexOf('?');
  const query = new URLSearchParams(q >= 0 ? rawUrl.slice(q + 1) : '');
  const auth = header(headers, 'authorization');
  if (auth?.startsWith('AWS ') || query.has('AWSAccessKeyId')) {
    throw new S3Error(400, 'InvalidRequest', 'Signature Version 2 is not supported by the emulator: sign with AWS4-HMAC-SHA256 (for the AWS CLI: aws configure set default.s3.signature_version s3v4).');
  }
  if (auth !== undefined) {
    const m = /^AWS4-HMAC-SHA256\s+Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)\s*$/i.exec(auth);
    if (!m) throw malformed('expected "AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=..."');
    const cred = parseCredential(m[1]!);
    if (!cred) throw malformed(`invalid Credential ${m[1]}`);
    const secret = secretOf(cred.accessKey);
    if (secret === undefined) throw new S3Error(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
    const when = amzDate(header(headers, 'x-amz-date')) ?? Date.parse(header(headers, 'date') ?? '');
    if (!Number.isFinite(when)) throw accessDenied('AWS authentication requires a valid Date or x-amz-date header');
    if (Math.abs(now - when) > MAX_SKEW_MS) throw new S3Error(403, 'RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.');
    const signed = m[2]!.toLowerCase().split(';');
    if (!signed.includes('host')) throw malformed('the host header must be signed');
    const want = expected(method, rawUrl, headers, signed, cred, secret, false);
    if (!sameHex(want, m[3]!.toLowerCase())) throw signatureMismatch();
    return cred.accessKey;
  }
  if (query.get('X-Amz-Algorithm') === 'AWS4-HMAC-SHA256') {
    const cred = parseCredential(query.get('X-Amz-Credential') ?? '');
    const signature = query.get('X-Amz-Signature');
    const date = amzDate(query.get('X-Amz-Date') ?? undefined);
    const expires = Number(query.get('X-Amz-Expires'));
    const signedRaw = query.get('X-Amz-SignedHeaders');
    if (!cred || !signature || date === null || !signedRaw || !Number.isInteger(expires) || expires < 1 || expires > MAX_PRESIGN_SECONDS) {
      throw new S3Error(400, 'AuthorizationQueryParametersError', 'X-Amz-Credential, X-Amz-Date, X-Amz-Expires (1 to 604800 seconds), X-Amz-SignedHeaders and X-Amz-Signature are required.');
    }
    const secret = secretOf(cred.accessKey);
    if (secret === undefined) throw new S3Error(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
    if (now > date + expires * 1000) throw accessDenied('Request has expired');
    if (date > now + MAX_SKEW_MS) throw accessDenied('Request is not valid yet');
    // The signature covers the query string without itself.
    const path = rawUrl.slice(0, q) + '?' + rawUrl.slice(q + 1).split('&').filter((p) => !p.startsWith('X-Amz-Signature=')).join('&');
    const want = expected(method, path, headers, signedRaw.toLowerCase().split(';'), cred, secret, true);
    if (!sameHex(want, signature.toLowerCase())) throw signatureMismatch();
    return cred.accessKey;
  }
  throw accessDenied('Anonymous access is not allowed: sign the request with AWS Signature V4 (access key: your account e-mail, secret key: your API token).');
}
