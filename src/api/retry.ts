// Pure retry policy: which failures are worth another try, and how long to wait.

export const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/** Connection failures where the request never reached the server: safe even for a create. */
export const NOT_SENT_ERROR_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'CONNECT_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ENETUNREACH', 'EHOSTUNREACH']);

/** Failures after the request may have reached the server. */
export const MAYBE_SENT_ERROR_CODES = new Set(['ECONNRESET', 'EPIPE', 'IDLE_TIMEOUT', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/**
 * How a request may be retried:
 * - `idempotent`: GET, PUT, DELETE and read-only POSTs (search, paginate, stdout reads);
 * - `create`: a POST that creates something. Retried only when it provably never
 *   reached the server, or was refused with 429: never risks a duplicate.
 * - `once`: a POST with a side effect that must not repeat (the fresh-output cursor).
 */
export type RetryMode = 'idempotent' | 'create' | 'once';

export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the command fails and says so. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 5, baseDelayMs: 250, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 };

export function shouldRetryStatus(mode: RetryMode, status: number): boolean {
  if (!RETRYABLE_STATUSES.has(status)) return false;
  if (mode === 'idempotent') return true;
  // 429 means the server refused the request without acting on it.
  return status === 429;
}

export function shouldRetryError(mode: RetryMode, code: string | undefined): boolean {
  if (code === undefined) return false;
  if (NOT_SENT_ERROR_CODES.has(code)) return true;
  return mode === 'idempotent' && MAYBE_SENT_ERROR_CODES.has(code);
}

/** Exponential backoff with full jitter (AWS architecture blog): uniform in [0, min(cap, base·2^attempt)]. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/** Retry-After as seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
