import type { Context } from '../../context.js';
import { SilentExit } from '../../errors.js';
import { fieldOf, targetProfile } from './shared.js';

export async function run(ctx: Context, _opts: unknown, key: string): Promise<void> {
  const field = fieldOf(key);
  const store = await ctx.config();
  const value = store.profile(targetProfile(ctx, store))?.[field];
  if (value === undefined) throw new SilentExit(1);
  ctx.io.out(`${value}\n`);
}
