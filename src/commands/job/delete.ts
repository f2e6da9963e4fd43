import { deleteJob } from '../../api/jobs.js';
import type { Context } from '../../context.js';
import { confirmAction, parseConcurrency, resolveSelection, runBulk, type ConfirmOptions, type SelectionOptions } from '../shared/select.js';
import { jobTarget } from './targets.js';

type DeleteOptions = SelectionOptions & ConfirmOptions & { concurrency?: string; force?: boolean };

/**
 * Each id is sent as given: the API resolves a shortname to exactly one job,
 * so `job delete my-job` never touches another one.
 */
export async function run(ctx: Context, opts: DeleteOptions, ids: string[]): Promise<void> {
  const concurrency = parseConcurrency(opts.concurrency);
  const { http, items } = await resolveSelection(ctx, ids, opts, jobTarget, 'job delete');
  const action = opts.force ? 'delete (with their tasks)' : 'delete';
  if (!(await confirmAction(ctx, action, items, 'jobs', opts))) return;
  await runBulk(ctx, items, concurrency, 'deleted', (item) => deleteJob(http, item.uuid, opts.force === true));
}
