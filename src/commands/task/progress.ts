import type { Task } from '../../api/types.js';
import type { Context } from '../../context.js';
import { formatDurationShort } from '../../lib/timespan.js';
import { colorState, inlineText } from '../../output/print.js';
import { createWaitReporter, type WaitEntry, type WaitReporter } from '../shared/wait.js';

/** What people watch while tasks are not done (`task wait`, and `task run`/`stdout -f` until output starts). */
export function createTaskReporter(ctx: Context): Promise<WaitReporter<Task>> {
  return createWaitReporter<Task>(ctx, { describe: describeTask, succeeded: (state) => state === 'Success' });
}

/** `name uuid  State  40%  1/2 running  3m`: one line about a task. */
export function describeTask(entry: WaitEntry<Task>, elapsedMs: number, c: Context['io']['colorErr']): string {
  const task = entry.item;
  const name = task?.name ? `${inlineText(task.name)} ` : '';
  const id = c.dim(task?.uuid ?? entry.id);
  if (!task) return `${name}${id}  ${entry.state ?? 'waiting'}${entry.error ? c.yellow(`  (${entry.error})`) : ''}`;
  const progress = typeof task.progress === 'number' ? `  ${Math.round(task.progress)}%` : '';
  const total = task.totalInstanceCount || task.instanceCount;
  const instances = total ? `  ${task.runningInstanceCount ?? 0}/${total} running` : '';
  // A done entry with an error vanished: nothing is retried any more.
  const error = entry.error ? c.yellow(entry.done ? `  (gone: ${entry.error})` : `  (retrying: ${entry.error})`) : '';
  return `${name}${id}  ${colorState(c, task.state)}${progress}${instances}  ${formatDurationShort(taskAge(task, entry.done) ?? elapsedMs)}${error}`;
}

/** Time since the task was created (until it ended, once it has); undefined without dates. */
function taskAge(task: Task, done: boolean): number | undefined {
  const created = Date.parse(task.creationDate ?? '');
  if (Number.isNaN(created)) return undefined;
  const ended = Date.parse(task.endDate ?? '');
  const until = done && !Number.isNaN(ended) && ended > created ? ended : Date.now();
  return Math.max(0, until - created);
}
