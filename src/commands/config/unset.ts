import type { Context } from '../../context.js';
import { fieldOf, targetProfile } from './shared.js';

export async function run(ctx: Context, _opts: unknown, key: string): Promise<void> {
  const field = fieldOf(key);
  const store = await ctx.config();
  const name = targetProfile(ctx, store);
  const profile = { ...store.profile(name) };
  delete profile[field];
  store.saveProfile(name, profile);
  ctx.io.err(`Unset ${key} of profile "${name}"\n`);
}
