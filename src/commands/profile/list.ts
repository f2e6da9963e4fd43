import { profileNames } from '../../api/account.js';
import type { Context } from '../../context.js';
import { printItems } from '../../output/print.js';

export async function run(ctx: Context): Promise<void> {
  const names = await profileNames(await ctx.api());
  await printItems(ctx, names, { plural: 'profiles', fields: [], id: (n) => n, columns: [{ header: 'NAME', value: (n) => n }] });
}
