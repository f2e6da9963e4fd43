import { terminateJob } from '../../api/jobs.js';
import type { Context } from '../../context.js';
import { JOB } from '../../resources/job.js';
import { runBulkAction, type BulkOptions } from '../shared/select.js';

export async function run(ctx: Context, opts: BulkOptions, ids: string[]): Promise<void> {
  await runBulkAction(ctx, JOB, ids, opts, { action: 'terminate', pastTense: 'terminated', act: (http, item) => terminateJob(http, item.uuid) });
}
