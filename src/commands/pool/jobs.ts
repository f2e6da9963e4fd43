import { poolJobs } from '../../api/pools.js';
import type { Context } from '../../context.js';
import { parseUuidOrShortname } from '../../lib/parse.js';
import { newestFirst } from '../shared/list.js';
import { checkFields, printItems } from '../../output/print.js';
import { jobView } from '../../output/views.js';

export async function run(ctx: Context, _opts: unknown, id: string): Promise<void> {
  parseUuidOrShortname('ID', id);
  checkFields(ctx, jobView);
  await printItems(ctx, newestFirst(await poolJobs(await ctx.api(), id)), jobView);
}
