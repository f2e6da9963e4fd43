// A tiny on-disk cache for dynamic completions: TAB pressed twice in a row
// must not hit the API twice. One file per profile, API URL, token and resource.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configDir } from '../config/location.js';
import type { Candidate } from './resolve.js';
import { makeDirectory } from '../lib/make-dir.js';

export const CACHE_TTL_MS = 30_000;

/** Under the config directory (config/location.ts: light enough for every TAB). */
export function completionCacheDir(env: NodeJS.ProcessEnv): string {
  return join(configDir(env), 'cache', 'completion');
}

/** The token only enters a hash: two accounts on one profile never share entries, and nothing secret is written. */
export function cacheKey(parts: { profile: string; apiUrl: string; token: string; readAs?: string; resource: string }): string {
  const text = [parts.profile, parts.apiUrl, parts.token, parts.readAs ?? '', parts.resource].join('\n');
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

interface Entry {
  at: number;
  candidates: Candidate[];
}

export function readCache(dir: string, key: string, now = Date.now()): Candidate[] | undefined {
  try {
    const entry = JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8')) as Entry;
    if (typeof entry.at !== 'number' || now - entry.at > CACHE_TTL_MS || now < entry.at || !Array.isArray(entry.candidates)) return undefined;
    return entry.candidates;
  } catch {
    return undefined;
  }
}

export function writeCache(dir: string, key: string, candidates: Candidate[], now = Date.now()): void {
  try {
    makeDirectory(dir, 0o700);
    const file = join(dir, `${key}.json`);
    // Write then rename: a concurrent TAB never reads half a file.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ at: now, candidates } satisfies Entry), { mode: 0o600 });
    renameSync(tmp, file);
  } catch {
    // A read-only or full disk only costs the cache.
  }
}
