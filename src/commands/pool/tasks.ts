import { poolTasks } from '../../api/pools.js';
import type { Context } from '../../context.js';
import { parseUuidOrShortname } from '../../lib/parse.js';
import { newestFirst } from '../shared/list.js';
import { checkFields, printItems } from '../../output/print.js';
import { taskView } from '../../output/views.js';

export async function run(ctx: Context, _opts: unknown, id: string): Promise<void> {
  parseUuidOrShortname('ID', id);
  checkFields(ctx, taskView);
  await printItems(ctx, newestFirst(await poolTasks(await ctx.api(), id)), taskView);
}
