import { getJob } from '../../api/jobs.js';
import type { Context } from '../../context.js';
import { parseUuidOrShortname } from '../../lib/parse.js';
import { printRecord } from '../../output/print.js';
import { jobView } from '../../output/views.js';

export async function run(ctx: Context, _opts: unknown, id: string): Promise<void> {
  parseUuidOrShortname('ID', id);
  printRecord(ctx, await getJob(await ctx.api(), id), jobView);
}
