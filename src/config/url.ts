import { UsageError } from '../errors.js';
import { registerSecret } from '../lib/secrets.js';

/**
 * A service's base URL (the API's, the storage's), from a flag, the environment or the
 * config: http(s), no credentials (refused with them masked: the token has its own place),
 * no query or fragment (they would end up between the base and every path). `origin` names
 * where it came from; `example` shows a good one.
 */
export function checkBaseUrl(url: string, origin: string, example: string): string {
  const wrongScheme = () => new UsageError(`${origin} must be an http(s) URL such as ${example}, got "${maskUserinfo(url)}"`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw wrongScheme();
  }
  if (parsed.username || parsed.password) {
    registerSecret(decodeURIComponent(parsed.password));
    parsed.username = parsed.username ? '***' : '';
    parsed.password = parsed.password ? '***' : '';
    throw new UsageError(`${origin} must not hold credentials (${parsed.href}); the token goes in QARNOT_CLIENT_TOKEN or "qarnot login"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw wrongScheme();
  if (parsed.search || parsed.hash || url.includes('?') || url.includes('#')) {
    throw new UsageError(`${origin} must be a base URL such as ${example}, without a query or fragment, got "${url}"`);
  }
  return url.replace(/\/+$/, '');
}

/** `scheme://user:pass@host` with the credentials masked, even in a URL that does not parse. */
function maskUserinfo(url: string): string {
  return url.replace(/^([^:/?#]*:\/\/)[^/?#]*@/, '$1***@');
}
