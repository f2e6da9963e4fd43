import type { Context } from '../context.js';
import { CliError, ExitCode } from '../errors.js';
import { apiSettings, userInfo } from '../api/account.js';
import { redactSecrets, registerSecret } from '../lib/secrets.js';
import { checkBaseUrl } from '../config/url.js';
import { S3Client, type ClientSettings, type StorageEndpoint } from './client.js';

/** Ceph RGW ignores the region, SigV4 still needs one: the AWS SDKs' default, as Qarnot's do. */
const REGION = 'us-east-1';

/**
 * As Qarnot's SDKs: the storage URL from GET /settings, the account e-mail from
 * GET /info as access key, the API token as secret. QARNOT_STORAGE_URL and
 * QARNOT_ACCOUNT_EMAIL (or the profile's storage-url / account-email) spare
 * those calls; an explicit --profile's settings beat the environment, as for the API URL.
 */
export async function resolveStorageEndpoint(ctx: Pick<Context, 'connection' | 'config' | 'api' | 'env' | 'globals'>): Promise<StorageEndpoint> {
  const connection = await ctx.connection();
  if (!connection.token) {
    throw new CliError(`no API token for profile "${connection.profile}": run "qarnot login", or set QARNOT_CLIENT_TOKEN`, ExitCode.Auth);
  }
  const stored = ctx.globals.context !== undefined || !ctx.env.QARNOT_STORAGE_URL || !ctx.env.QARNOT_ACCOUNT_EMAIL ? (await ctx.config()).profile(connection.profile) : undefined;
  const pick = (fromEnv: string | undefined, fromProfile: string | undefined) =>
    (ctx.globals.context !== undefined ? (nonEmpty(fromProfile) ?? nonEmpty(fromEnv)) : (nonEmpty(fromEnv) ?? nonEmpty(fromProfile)));
  let url = pick(ctx.env.QARNOT_STORAGE_URL, stored?.storageUrl);
  let email = pick(ctx.env.QARNOT_ACCOUNT_EMAIL, stored?.accountEmail);
  if (url === undefined || email === undefined) {
    const api = await ctx.api();
    const [settings, info] = await Promise.all([url === undefined ? apiSettings(api) : undefined, email === undefined ? userInfo(api) : undefined]);
    if (settings !== undefined) {
      const fromApi = settings.storage;
      if (!fromApi) throw new CliError(`storage is not available on ${connection.apiUrl} (its settings give no storage URL); set QARNOT_STORAGE_URL if you know it`);
      url = fromApi;
    }
    email ??= info?.email;
  }
  if (!email) throw new CliError('GET /info gave no account e-mail, the storage access key: set QARNOT_ACCOUNT_EMAIL');
  registerSecret(connection.token);
  return { url: checkStorageUrl(url!), accessKey: email, secretKey: connection.token, region: REGION };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function checkStorageUrl(url: string): string {
  return checkBaseUrl(url, 'the storage URL (QARNOT_STORAGE_URL or the profile\'s storage-url)', 'https://storage.qarnot.com');
}

/** The S3 client of a bucket verb, tracing with --verbose. */
export async function storageClient(ctx: Context, settings: Partial<ClientSettings> = {}): Promise<S3Client> {
  const endpoint = await resolveStorageEndpoint(ctx);
  return new S3Client(endpoint, {
    signal: ctx.signal,
    trace: ctx.globals.verbose ? (line) => ctx.io.err(`${redactSecrets(line)}\n`) : undefined,
    ...settings,
  });
}
