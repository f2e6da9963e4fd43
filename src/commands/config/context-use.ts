import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';

export async function run(ctx: Context, _opts: unknown, name: string): Promise<void> {
  const store = await ctx.config();
  if (!store.profile(name)) {
    throw new UsageError(`no context named "${name}"; known contexts: ${Object.keys(store.profiles()).join(', ') || 'none'}`);
  }
  await store.setActiveProfile(name);
  ctx.io.err(`Now using context "${name}"\n`);
}
