import { abortTask } from '../../api/tasks.js';
import type { Context } from '../../context.js';
import { runTaskBulkAction, type BulkActionOptions } from './bulk-action.js';

export async function run(ctx: Context, opts: BulkActionOptions, ids: string[]): Promise<void> {
  await runTaskBulkAction(ctx, ids, opts, { action: 'abort', pastTense: 'aborted' }, (http, item) => abortTask(http, item.uuid));
}
