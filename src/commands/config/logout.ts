import type { Context } from '../../context.js';
import { existingTarget, warnEnvironmentToken } from './shared.js';

export async function run(ctx: Context): Promise<void> {
  const store = await ctx.config();
  const name = existingTarget(ctx, store);
  const profile = store.profile(name);
  if (profile?.token) {
    await store.updateProfile(name, { token: undefined });
    ctx.io.err(`Removed the token of context "${name}"\n`);
  } else {
    ctx.io.err(`Context "${name}" has no stored token\n`);
  }
  warnEnvironmentToken(ctx);
}
