import { JOB_STATES, JOBS_PAGINATE } from '../../api/jobs.js';
import type { Context } from '../../context.js';
import { jobView } from '../../output/views.js';
import { runList, type ListOptions } from '../shared/list.js';
import { JOB_SORT_FIELDS } from './index.js';

export async function run(ctx: Context, opts: ListOptions): Promise<void> {
  await runList(ctx, opts, { resource: 'job', paginatePath: JOBS_PAGINATE, states: JOB_STATES, sortFields: JOB_SORT_FIELDS, view: jobView });
}
