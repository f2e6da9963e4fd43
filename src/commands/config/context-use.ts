import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { contextFromEnv } from '../../config/resolve.js';

export async function run(ctx: Context, _opts: unknown, name: string): Promise<void> {
  const store = await ctx.config();
  if (!store.profile(name)) {
    throw new UsageError(`no context named "${name}"; known contexts: ${Object.keys(store.profiles()).join(', ') || 'none'}`);
  }
  await store.setActiveProfile(name);
  ctx.io.err(`Now using context "${name}"\n`);
  // The variable beats the stored choice: without a word, the next command would go elsewhere.
  const fromEnv = contextFromEnv(ctx.env);
  if (fromEnv !== undefined && fromEnv !== name) {
    const variable = ctx.env.QARNOT_CONTEXT?.trim() ? 'QARNOT_CONTEXT' : 'QARNOT_PROFILE';
    ctx.io.err(`warning: ${variable} is set to "${fromEnv}": commands use that context, not "${name}", until you unset it\n`);
  }
}
