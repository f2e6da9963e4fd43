import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { checkProfileName } from './shared.js';
import { checkBaseUrl } from '../../config/url.js';
import { DEFAULT_API_URL } from '../../config/resolve.js';

export async function run(ctx: Context, opts: { use?: boolean }, name: string): Promise<void> {
  checkProfileName(name);
  const apiUrl = ctx.globals.apiUrl === undefined ? undefined : checkBaseUrl(ctx.globals.apiUrl, '--api-url', DEFAULT_API_URL);
  const store = await ctx.config();
  if (store.profile(name)) throw new UsageError(`a context named "${name}" already exists`);
  await store.saveProfile(name, { apiUrl });
  if (opts.use) await store.setActiveProfile(name);
  ctx.io.err(`Added context "${name}"${opts.use ? ' (now in use)' : ''}; store its token with: qarnot login --context ${name}\n`);
}
