import { deleteJob } from '../../api/jobs.js';
import type { Context } from '../../context.js';
import { ApiError, CliError } from '../../errors.js';
import { JOB } from '../../resources/job.js';
import { runBulkAction, type BulkOptions } from '../shared/select.js';

export interface DeleteOptions extends BulkOptions {
  force?: boolean;
}

/**
 * Each id is sent as given: the API resolves a shortname to exactly one job,
 * so `job delete my-job` never touches another one.
 */
export async function run(ctx: Context, opts: DeleteOptions, ids: string[]): Promise<void> {
  const force = opts.force === true;
  await runBulkAction(ctx, JOB, ids, opts, {
    action: force ? 'delete (with their tasks)' : 'delete',
    pastTense: 'deleted',
    act: async (http, item) => {
      try {
        await deleteJob(http, item.uuid, force);
      } catch (error) {
        // The API's own words name its query string (?force=true): say which flag does it.
        if (!force && error instanceof ApiError && error.status === 403 && /force/i.test(error.message)) {
          throw new CliError('the job still has tasks: use --force to delete them with it');
        }
        throw error;
      }
    },
  });
}
