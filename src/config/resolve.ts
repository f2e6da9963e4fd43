import type { GlobalOptions } from '../context.js';
import { UsageError } from '../errors.js';
import { registerSecret } from '../lib/secrets.js';
import { checkBaseUrl } from './url.js';
import { DEFAULT_PROFILE } from './location.js';
import type { ConfigStore } from './store.js';

export const DEFAULT_API_URL = 'https://api.qarnot.com';

export type Source = 'flag' | 'env' | 'profile' | 'default' | 'none';

export interface Connection {
  apiUrl: string;
  token: string | undefined;
  profile: string;
  readAs: string | undefined;
  sources: { apiUrl: Source; token: Source };
}

/**
 * One place for precedence: flags, then environment, then the stored profile,
 * then defaults. An explicit --context is a flag and beats the environment.
 */
export async function resolveConnection(
  globals: GlobalOptions,
  env: NodeJS.ProcessEnv,
  config: () => Promise<ConfigStore>,
): Promise<Connection> {
  const envToken = nonEmpty(env.QARNOT_CLIENT_TOKEN);
  const envUrl = nonEmpty(env.QARNOT_CLUSTER_URL);
  const readAs = checkAccount(nonEmpty(globals.as) ?? nonEmpty(env.QARNOT_READ_AS));
  const explicitProfile = nonEmpty(globals.context);
  const profileName = explicitProfile ?? contextFromEnv(env);

  // Scripts and CI usually set both variables: then the config file is never read.
  const needsStore = profileName !== undefined || envToken === undefined || (envUrl === undefined && !globals.apiUrl);
  const store = needsStore ? await config() : undefined;
  const name = profileName ?? store?.activeProfileName() ?? DEFAULT_PROFILE;
  const stored = store?.profile(name);
  if (profileName !== undefined && stored === undefined && store) throw unknownContext(name, store);

  // An explicit --context takes its URL and token together, never one of them from the
  // environment: QARNOT_CLIENT_TOKEN is meant for QARNOT_CLUSTER_URL, not for the context's server.
  const pick = <T>(flag: T | undefined, fromEnv: T | undefined, fromProfile: T | undefined, fallback: T | undefined): [T | undefined, Source] => {
    if (flag !== undefined) return [flag, 'flag'];
    if (fromEnv !== undefined && explicitProfile === undefined) return [fromEnv, 'env'];
    if (fromProfile !== undefined) return [fromProfile, 'profile'];
    return fallback === undefined ? [undefined, 'none'] : [fallback, 'default'];
  };
  const [apiUrl, apiUrlSource] = pick(nonEmpty(globals.apiUrl), envUrl, nonEmpty(stored?.apiUrl), DEFAULT_API_URL);
  const [token, tokenSource] = pick(undefined, envToken, nonEmpty(stored?.token), undefined);
  registerSecret(token);
  return {
    apiUrl: checkUrl(apiUrl ?? DEFAULT_API_URL, apiUrlSource),
    token,
    profile: name,
    readAs: readAs ?? nonEmpty(stored?.as),
    sources: { apiUrl: apiUrlSource, token: tokenSource },
  };
}

export function unknownContext(name: string, store: ConfigStore): UsageError {
  const known = Object.keys(store.profiles());
  return new UsageError(`--context: no context named "${name}"${known.length ? `; known contexts: ${known.join(', ')}` : '; add one with "qarnot login --context NAME"'}`);
}

/** QARNOT_CONTEXT, or its deprecated name QARNOT_PROFILE. */
export function contextFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  return nonEmpty(env.QARNOT_CONTEXT) ?? nonEmpty(env.QARNOT_PROFILE);
}

/** --as goes into a header: a control character (CR, LF) there is a typo, or an injection. */
function checkAccount(account: string | undefined): string | undefined {
  if (account !== undefined && [...account].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) {
    throw new UsageError(`--as must be an account email without control characters, got ${JSON.stringify(account)}`);
  }
  return account;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function checkUrl(url: string, source: Source): string {
  const origin = source === 'flag' ? '--api-url' : source === 'env' ? 'QARNOT_CLUSTER_URL' : 'the profile\'s api-url';
  return checkBaseUrl(url, origin, 'https://api.qarnot.com');
}
