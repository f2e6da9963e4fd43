import type { Context } from '../../context.js';
import { existingTarget, fieldOf } from './shared.js';

export async function run(ctx: Context, _opts: unknown, key: string): Promise<void> {
  const field = fieldOf(key);
  const store = await ctx.config();
  const name = existingTarget(ctx, store);
  // Nothing to remove: no context is made just to hold nothing.
  if (store.profile(name)?.[field] !== undefined) await store.updateProfile(name, { [field]: undefined });
  ctx.io.err(`Unset ${key} of context "${name}"\n`);
}
