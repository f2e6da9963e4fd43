import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { DEFAULT_PROFILE } from '../../config/location.js';

export async function run(ctx: Context, _opts: unknown, name: string): Promise<void> {
  const store = await ctx.config();
  if (!(await store.removeProfile(name))) throw new UsageError(`no context named "${name}"`);
  if (store.activeProfileName() === name) await store.setActiveProfile(Object.keys(store.profiles())[0] ?? DEFAULT_PROFILE);
  ctx.io.err(`Removed context "${name}"\n`);
}
