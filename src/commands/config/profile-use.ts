import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';

export async function run(ctx: Context, _opts: unknown, name: string): Promise<void> {
  const store = await ctx.config();
  if (!store.profile(name)) {
    throw new UsageError(`no profile named "${name}"; known profiles: ${Object.keys(store.profiles()).join(', ') || 'none'}`);
  }
  store.setActiveProfile(name);
  ctx.io.err(`Active profile is now "${name}"\n`);
}
