import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { DEFAULT_PROFILE } from '../../config/location.js';

export async function run(ctx: Context, _opts: unknown, name: string): Promise<void> {
  const store = await ctx.config();
  if (!(await store.removeProfile(name))) throw new UsageError(`no context named "${name}"`);
  if (store.activeProfileName() !== name) {
    ctx.io.err(`Removed context "${name}"\n`);
    return;
  }
  // Never another stored context in its place without a word (the next command would go
  // to its server): the implicit "default", as on a fresh install, and say so.
  await store.setActiveProfile(DEFAULT_PROFILE);
  const now = store.profile(DEFAULT_PROFILE) ? `context "${DEFAULT_PROFILE}" is now in use` : 'no context is in use';
  ctx.io.err(`Removed context "${name}", which was in use; ${now}: choose one with "qarnot context use NAME"\n`);
}
