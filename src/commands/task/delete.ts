import { deleteTask } from '../../api/tasks.js';
import type { Context } from '../../context.js';
import { TASK } from '../../resources/task.js';
import { purgedBuckets } from '../shared/purge.js';
import { runBulkAction, type BulkOptions } from '../shared/select.js';

// deleteTask treats a 404 on its own retry as "already deleted" (see src/api/tasks.ts).
export async function run(ctx: Context, opts: BulkOptions & { purge?: boolean }, ids: string[]): Promise<void> {
  const action = opts.purge ? 'delete (with their resource and result buckets)' : 'delete';
  await runBulkAction(ctx, TASK, ids, opts, {
    action,
    pastTense: 'deleted',
    act: (http, item) => deleteTask(http, item.uuid, opts.purge === true),
    alsoAffected: opts.purge ? (http, items, read) => purgedBuckets(http, TASK, items, read) : undefined,
  });
}
