import type { Account } from './store.js';
import { isObj } from './util.js';

// The secrets manager: key → value per account, in memory (not in the saved state: a
// restarted emulator starts with no secrets, as a fresh account would).
const stores = new WeakMap<Account, Map<string, string>>();

export function secretsOf(acc: Account): Map<string, string> {
  let s = stores.get(acc);
  if (!s) stores.set(acc, (s = new Map()));
  return s;
}

/** Keys are paths: `db/password`; leading and trailing slashes do not count (as the SDKs strip them). */
export const normalizeKey = (key: string): string => key.replace(/^\/+|\/+$/g, '');

/** The names directly under a prefix; folders end with "/" (the shape of GET /secrets-manager/search). */
export function listUnder(acc: Account, prefix: string): string[] {
  const base = normalizeKey(prefix);
  const start = base ? `${base}/` : '';
  const names = new Set<string>();
  for (const key of secretsOf(acc).keys()) {
    if (!key.startsWith(start)) continue;
    const rest = key.slice(start.length);
    const slash = rest.indexOf('/');
    names.add(slash < 0 ? rest : rest.slice(0, slash + 1));
  }
  return [...names].sort();
}

/** The instance's view of a secret: QARNOT_SECRET__ then the key, every other character than [A-Za-z0-9_] as "_". */
export const secretEnvName = (key: string): string => `QARNOT_SECRET__${key.replace(/[^A-Za-z0-9_]/g, '_')}`;

/** Environment given to an instance: the secrets its task (or pool) was granted by key or by prefix. */
export function grantedSecretsEnv(acc: Account, ...grants: unknown[]): Record<string, string> {
  const keys = new Set<string>();
  const prefixes: string[] = [];
  for (const g of grants) {
    if (!isObj(g)) continue;
    for (const s of Array.isArray(g.bySecret) ? g.bySecret : []) if (isObj(s) && typeof s.key === 'string') keys.add(normalizeKey(s.key));
    for (const p of Array.isArray(g.byPrefix) ? g.byPrefix : []) if (isObj(p) && typeof p.prefix === 'string') prefixes.push(normalizeKey(p.prefix));
  }
  const env: Record<string, string> = {};
  if (!keys.size && !prefixes.length) return env;
  for (const [key, value] of secretsOf(acc)) {
    if (keys.has(key) || prefixes.some((p) => key.startsWith(p))) {
      env[secretEnvName(key)] = value;
    }
  }
  return env;
}
