import { deleteTask } from '../../api/tasks.js';
import type { Context } from '../../context.js';
import { runTaskBulkAction, type BulkActionOptions } from './bulk-action.js';

export async function run(ctx: Context, opts: BulkActionOptions, ids: string[]): Promise<void> {
  // deleteTask treats a 404 on its own retry as "already deleted" (see src/api/tasks.ts).
  await runTaskBulkAction(ctx, ids, opts, { action: 'delete', pastTense: 'deleted' }, (http, item) => deleteTask(http, item.uuid));
}
