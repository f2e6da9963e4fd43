import { terminateJob } from '../../api/jobs.js';
import type { Context } from '../../context.js';
import { confirmAction, parseConcurrency, resolveSelection, runBulk, type ConfirmOptions, type SelectionOptions } from '../shared/select.js';
import { jobTarget } from './targets.js';

type TerminateOptions = SelectionOptions & ConfirmOptions & { concurrency?: string };

/** Named jobs are terminated at once; jobs picked by a selector are confirmed first. */
export async function run(ctx: Context, opts: TerminateOptions, ids: string[]): Promise<void> {
  const concurrency = parseConcurrency(opts.concurrency);
  const { http, items } = await resolveSelection(ctx, ids, opts, jobTarget, 'job terminate');
  if ((ids.length === 0 || opts.dryRun) && !(await confirmAction(ctx, 'terminate', items, 'jobs', opts))) return;
  await runBulk(ctx, items, concurrency, 'terminated', (item) => terminateJob(http, item.uuid));
}
