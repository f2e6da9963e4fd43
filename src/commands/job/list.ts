import type { Context } from '../../context.js';
import { JOB } from '../../resources/job.js';
import { runList, type ListOptions } from '../shared/list.js';

export async function run(ctx: Context, opts: ListOptions): Promise<void> {
  await runList(ctx, opts, JOB);
}
