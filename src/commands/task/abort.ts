import { abortTask } from '../../api/tasks.js';
import type { Context } from '../../context.js';
import { TASK } from '../../resources/task.js';
import { runBulkAction, type BulkOptions } from '../shared/select.js';

export async function run(ctx: Context, opts: BulkOptions, ids: string[]): Promise<void> {
  await runBulkAction(ctx, TASK, ids, opts, { action: 'abort', pastTense: 'aborted', act: (http, item) => abortTask(http, item.uuid) });
}
