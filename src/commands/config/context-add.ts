import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { checkProfileName } from './shared.js';

export async function run(ctx: Context, opts: { use?: boolean }, name: string): Promise<void> {
  checkProfileName(name);
  const store = await ctx.config();
  if (store.profile(name)) throw new UsageError(`a context named "${name}" already exists`);
  await store.saveProfile(name, { apiUrl: ctx.globals.apiUrl?.replace(/\/+$/, '') });
  if (opts.use) await store.setActiveProfile(name);
  ctx.io.err(`Added context "${name}"${opts.use ? ' (now in use)' : ''}; store its token with: qarnot login --context ${name}\n`);
}
