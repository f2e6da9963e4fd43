import { normalizeSecretKey } from '../../api/secrets.js';
import { UsageError } from '../../errors.js';
import { quote } from '../../lib/parse.js';

const MAX_KEY_LENGTH = 1024;

/** A secret key is a path: non-empty segments separated by "/" (outer slashes are ignored). */
export function parseSecretKey(flag: string, raw: string, { allowEmpty = false } = {}): string {
  const key = normalizeSecretKey(raw);
  if (key === '' && allowEmpty) return key;
  const ok = key !== '' && key.length <= MAX_KEY_LENGTH && key.split('/').every((s) => s !== '' && s !== '.' && s !== '..') && ![...key].some((ch) => ch.charCodeAt(0) < 0x20);
  if (!ok) throw new UsageError(`${flag} must be a secret key like db/password (non-empty parts separated by "/", no "." or ".." parts), got ${quote(raw)}`);
  return key;
}
