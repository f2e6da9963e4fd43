import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { checkProfileName, fieldOf, targetProfile } from './shared.js';

export async function run(ctx: Context, _opts: unknown, key: string, value: string): Promise<void> {
  const field = fieldOf(key);
  let checked = value;
  if (field === 'apiUrl' || field === 'storageUrl') {
    try {
      const url = new URL(value);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error();
    } catch {
      throw new UsageError(`${key} must be an http(s) URL such as ${field === 'apiUrl' ? 'https://api.qarnot.com' : 'https://storage.qarnot.com'}, got "${value}"`);
    }
    checked = value.replace(/\/+$/, '');
  }
  const store = await ctx.config();
  const name = checkProfileName(targetProfile(ctx, store));
  await store.updateProfile(name, { [field]: checked });
  ctx.io.err(`Set ${key} of context "${name}"\n`);
}
