import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_RETRY_POLICY, parseRetryAfter, shouldRetryError, shouldRetryStatus } from '../../src/api/retry.js';

describe('retry policy', () => {
  it('retries transient statuses for idempotent requests only', () => {
    for (const status of [408, 429, 500, 502, 503, 504]) expect(shouldRetryStatus('idempotent', status)).toBe(true);
    for (const status of [400, 401, 403, 404, 409, 501]) expect(shouldRetryStatus('idempotent', status)).toBe(false);
  });

  it('never retries a create that may have reached the server, except a 429 refusal', () => {
    for (const status of [408, 500, 502, 503, 504]) expect(shouldRetryStatus('create', status)).toBe(false);
    expect(shouldRetryStatus('create', 429)).toBe(true);
    expect(shouldRetryError('create', 'ECONNRESET')).toBe(false);
    expect(shouldRetryError('create', 'UND_ERR_SOCKET')).toBe(false);
    expect(shouldRetryError('create', 'ECONNREFUSED')).toBe(true);
    expect(shouldRetryError('idempotent', 'ECONNRESET')).toBe(true);
    expect(shouldRetryError('once', 'ECONNRESET')).toBe(false);
    expect(shouldRetryError('idempotent', undefined)).toBe(false);
  });

  it('backs off exponentially with full jitter, capped', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(0, policy, () => 0.999)).toBe(99);
    expect(backoffDelay(2, policy, () => 0.5)).toBe(200);
    expect(backoffDelay(10, policy, () => 0.999)).toBe(999);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('1.5')).toBe(1500);
    const now = Date.parse('2026-11-28T10:00:00Z');
    expect(parseRetryAfter('Sat, 28 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sat, 28 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
