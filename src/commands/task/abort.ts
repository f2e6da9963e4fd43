import { abortTask, TASK_FINAL_STATES, TASK_STATES } from '../../api/tasks.js';
import type { Context } from '../../context.js';
import { TASK } from '../../resources/task.js';
import { hasSelector } from '../shared/list.js';
import { runBulkAction, type BulkOptions } from '../shared/select.js';

/** What a selector aborts unless --state says otherwise: an ended (or going) task cannot be aborted. */
const NOT_ENDED = TASK_STATES.filter((state) => !TASK_FINAL_STATES.has(state) && state !== 'PendingDelete');

export async function run(ctx: Context, opts: BulkOptions, ids: string[]): Promise<void> {
  // Only a selection the user made is narrowed: none at all stays "no tasks selected" (exit 2).
  const selected = hasSelector(opts) || opts.all === true;
  const selection = ids.length || opts.state?.length || !selected ? opts : { ...opts, state: [...NOT_ENDED] };
  await runBulkAction(ctx, TASK, ids, selection, { action: 'abort', pastTense: 'aborted', act: (http, item) => abortTask(http, item.uuid) });
}
