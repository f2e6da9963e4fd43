/**
 * Its own module so that code which only needs the name (config/resolve.ts,
 * on every API call) does not load store.ts, which loads `conf` and with it
 * ajv, semver and friends (~350 KiB of bundle).
 */
export const DEFAULT_PROFILE = 'default';
