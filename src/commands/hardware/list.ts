import { hardwareConstraints } from '../../api/account.js';
import type { Context } from '../../context.js';
import { checkFields, printItems } from '../../output/print.js';
import { hardwareView } from './view.js';

export async function run(ctx: Context): Promise<void> {
  checkFields(ctx, hardwareView);
  await printItems(ctx, hardwareConstraints(await ctx.api()), hardwareView);
}
