import type { Context } from '../../context.js';
import { fieldOf, targetProfile } from './shared.js';

export async function run(ctx: Context, _opts: unknown, key: string): Promise<void> {
  const field = fieldOf(key);
  const store = await ctx.config();
  const name = targetProfile(ctx, store);
  await store.updateProfile(name, { [field]: undefined });
  ctx.io.err(`Unset ${key} of context "${name}"\n`);
}
