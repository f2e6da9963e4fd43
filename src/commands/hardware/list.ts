import { hardwareConstraints } from '../../api/account.js';
import type { Context } from '../../context.js';
import { printItems } from '../../output/print.js';
import { hardwareView } from './view.js';

export async function run(ctx: Context): Promise<void> {
  await printItems(ctx, hardwareConstraints(await ctx.api()), hardwareView);
}
