import { searchCpuModel } from '../../api/account.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { checkFields, printItems } from '../../output/print.js';
import { hardwareView } from './view.js';

export async function run(ctx: Context, _opts: unknown, model: string): Promise<void> {
  if (model.trim() === '') throw new UsageError('MODEL must not be empty, e.g. "Ryzen 7"');
  checkFields(ctx, hardwareView);
  await printItems(ctx, await searchCpuModel(await ctx.api(), model.trim()), hardwareView);
}
