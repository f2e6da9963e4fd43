import { TASK_STATES, TASKS_PAGINATE, TASK_SUMMARIES_PAGINATE } from '../../api/tasks.js';
import type { Context } from '../../context.js';
import { taskView } from '../../output/views.js';
import { runList, type ListOptions } from '../shared/list.js';
import { TASK_SORT_FIELDS } from './index.js';

export async function run(ctx: Context, opts: ListOptions): Promise<void> {
  await runList(ctx, opts, {
    resource: 'task',
    paginatePath: TASKS_PAGINATE,
    summariesPath: TASK_SUMMARIES_PAGINATE,
    states: TASK_STATES,
    sortFields: TASK_SORT_FIELDS,
    view: taskView,
  });
}
