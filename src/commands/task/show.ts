import { getTask } from '../../api/tasks.js';
import type { Context } from '../../context.js';
import { parseUuidOrShortname } from '../../lib/parse.js';
import { printRecord } from '../../output/print.js';
import { taskView } from '../../output/views.js';

export async function run(ctx: Context, _opts: unknown, id: string): Promise<void> {
  parseUuidOrShortname('ID', id);
  const task = await getTask(await ctx.api(), id);
  printRecord(ctx, task, taskView);
}
