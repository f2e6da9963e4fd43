import type { Context } from '../../context.js';
import { checkBaseUrl } from '../../config/url.js';
import { checkProfileName, existingTarget, fieldOf } from './shared.js';

export async function run(ctx: Context, _opts: unknown, key: string, value: string): Promise<void> {
  const field = fieldOf(key);
  let checked = value;
  if (field === 'apiUrl' || field === 'storageUrl') {
    checked = checkBaseUrl(value, key, field === 'apiUrl' ? 'https://api.qarnot.com' : 'https://storage.qarnot.com');
  }
  const store = await ctx.config();
  const name = checkProfileName(existingTarget(ctx, store));
  await store.updateProfile(name, { [field]: checked });
  ctx.io.err(`Set ${key} of context "${name}"\n`);
}
