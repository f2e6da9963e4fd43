import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

// Where the configuration lives, in a module of its own: code that only needs
// these (config/resolve.ts on every API call, completion's cache on every TAB)
// must not load store.ts, which loads `conf` and with it ajv, semver and
// friends (~350 KiB of bundle).

export const DEFAULT_PROFILE = 'default';

/** Where sync remembers the ETags of local files (storage/etag-cache.ts), beside completion's cache. */
export function etagCacheDir(env: NodeJS.ProcessEnv): string {
  return join(configDir(env), 'cache', 'etags');
}

/**
 * QARNOT_CONFIG_DIR, else $XDG_CONFIG_HOME/qarnot, else ~/.config/qarnot. A relative
 * XDG_CONFIG_HOME is ignored, as the XDG spec asks: the token file would land in
 * whatever directory the command runs in (a git checkout).
 */
export function configDir(env: NodeJS.ProcessEnv): string {
  if (env.QARNOT_CONFIG_DIR) return env.QARNOT_CONFIG_DIR;
  const base = env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(homedir(), '.config');
  return join(base, 'qarnot');
}
