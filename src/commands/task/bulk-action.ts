import type { Http } from '../../api/http.js';
import { TASK_STATES, TASKS_PAGINATE } from '../../api/tasks.js';
import type { Task } from '../../api/types.js';
import type { Context } from '../../context.js';
import { taskView } from '../../output/views.js';
import type { ListTarget } from '../shared/list.js';
import { confirmAction, parseConcurrency, resolveSelection, runBulk, type Selected, type SelectionOptions } from '../shared/select.js';
import { TASK_SORT_FIELDS } from './index.js';

export const TASK_TARGET: ListTarget<Task> = {
  resource: 'task',
  paginatePath: TASKS_PAGINATE,
  states: TASK_STATES,
  sortFields: TASK_SORT_FIELDS,
  view: taskView,
};

export interface BulkActionOptions extends SelectionOptions {
  yes?: boolean;
  dryRun?: boolean;
  concurrency?: string;
}

/**
 * abort / delete: ids or an explicit selector (never everything by default),
 * confirmation (asked on a terminal, --yes elsewhere), then bounded
 * concurrency with one result line per task.
 */
export async function runTaskBulkAction(
  ctx: Context,
  ids: string[],
  opts: BulkActionOptions,
  verbs: { action: string; pastTense: string },
  act: (http: Http, item: Selected) => Promise<void>,
): Promise<void> {
  const concurrency = parseConcurrency(opts.concurrency);
  const { http, items } = await resolveSelection(ctx, ids, opts, TASK_TARGET, `task ${verbs.action}`);
  if (!(await confirmAction(ctx, verbs.action, items, 'tasks', opts))) return;
  await runBulk(ctx, items, concurrency, verbs.pastTense, (item) => act(http, item));
}
