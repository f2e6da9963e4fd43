import { CliError, ExitCode } from '../errors.js';
import { parseXml } from './xml.js';
import { oneLine } from '../api/answers.js';

/** An S3 error answer: its code (NoSuchBucket, SlowDown ...) and what it means for the exit status. */
export class StorageError extends CliError {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
    exitCode: number,
  ) {
    super(message, exitCode);
  }
}

export interface ErrorContext {
  method: string;
  bucket?: string;
  key?: string;
  /** The access key in use, named in the hint of an authentication failure. */
  accessKey: string;
}

/** S3's `<Error><Code/><Message/></Error>`; a HEAD or an empty body gives only the status. */
export function errorCode(status: number, text: string): { code: string; message: string } {
  if (text.trim().startsWith('<')) {
    try {
      const error = parseXml(text).Error as { Code?: string; Message?: string } | undefined;
      if (error?.Code) return { code: error.Code, message: (error.Message ?? '').replace(/\s+/g, ' ').trim() };
    } catch {
      // Not XML after all: fall through to the status.
    }
  }
  const byStatus: Record<number, string> = { 403: 'AccessDenied', 404: 'NotFound', 409: 'Conflict', 503: 'ServiceUnavailable' };
  return { code: byStatus[status] ?? `HTTP${status}`, message: oneLine(text) };
}

const AUTH_CODES = new Set(['AccessDenied', 'SignatureDoesNotMatch', 'InvalidAccessKeyId', 'InvalidToken']);

export function storageError(status: number, text: string, where: ErrorContext): StorageError {
  const { code, message } = errorCode(status, text);
  const object = where.key !== undefined ? `"${where.bucket}/${where.key}"` : `bucket "${where.bucket}"`;
  if (code === 'NoSuchBucket') return new StorageError(`bucket "${where.bucket}" does not exist`, code, status, ExitCode.NotFound);
  if (code === 'NoSuchKey' || (code === 'NotFound' && where.key !== undefined)) {
    return new StorageError(`no object ${object}`, code, status, ExitCode.NotFound);
  }
  if (code === 'NotFound') return new StorageError(`bucket "${where.bucket}" does not exist`, code, status, ExitCode.NotFound);
  if (AUTH_CODES.has(code)) {
    return new StorageError(
      `the storage refused ${where.bucket ? object : 'the request'} (${code}): its access key is the account e-mail ("${where.accessKey}") and its secret the API token; ` +
        'check the e-mail (QARNOT_ACCOUNT_EMAIL, or "qarnot config set account-email") and that the token belongs to that account',
      code,
      status,
      ExitCode.Auth,
    );
  }
  if (code === 'QuotaExceeded') {
    return new StorageError(`storage quota exceeded writing ${object}: the account's bucket quota (quotaBytesBucket, see "qarnot account") is full`, code, status, ExitCode.Failure);
  }
  if (code === 'BucketNotEmpty') {
    return new StorageError(`bucket "${where.bucket}" is not empty: empty it first, or delete it with --force (which deletes its objects)`, code, status, ExitCode.Failure);
  }
  if (code === 'BucketAlreadyExists') {
    return new StorageError(`bucket name "${where.bucket}" is taken by another account: pick another name`, code, status, ExitCode.Failure);
  }
  return new StorageError(`storage error on ${object}: ${code}${message ? ` (${message})` : ''}, HTTP ${status}`, code, status, ExitCode.Failure);
}

/** 5xx, throttling and S3's own "try again" codes. */
export function isRetryableStorageAnswer(status: number, code?: string): boolean {
  return status >= 500 || status === 429 || code === 'SlowDown' || code === 'RequestTimeout' || code === 'InternalError';
}
