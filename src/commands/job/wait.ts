import { getJob, jobTasks } from '../../api/jobs.js';
import { TASK } from '../../resources/task.js';
import type { Job, Task } from '../../api/types.js';
import type { Context } from '../../context.js';
import { SilentExit } from '../../errors.js';
import { parseDuration, parseUuidOrShortname } from '../../lib/parse.js';
import { boundedBy, createWaitReporter, elapsedText, parseInterval, waitForOne } from '../shared/wait.js';

interface WaitOptions {
  timeout?: string;
  interval?: string;
}

/** A job and its tasks, seen as one state: `Done` once every task finished. */
interface JobProgress {
  job: Job;
  tasks: Task[];
  state: string;
}

const DONE = 'Done';

export async function run(ctx: Context, opts: WaitOptions, id: string): Promise<void> {
  parseUuidOrShortname('ID', id);
  const timeoutMs = opts.timeout === undefined ? undefined : parseDuration('--timeout', opts.timeout);
  const intervalMs = parseInterval(opts.interval, 2000);
  const http = boundedBy(await ctx.api(), timeoutMs);
  let last: JobProgress | undefined;
  const fetch = async (jobId: string): Promise<JobProgress> => {
    const job = await getJob(http, jobId);
    const tasks = await jobTasks(http, jobId);
    const allDone = tasks.length > 0 && tasks.every((t) => TASK.finalStates.has(t.state));
    return { job, tasks, state: job.state === 'Completed' || job.state === 'Deleting' ? job.state : allDone ? DONE : job.state };
  };
  const summary = (p: JobProgress | undefined) => {
    if (!p) return '';
    const done = p.tasks.filter((t) => TASK.finalStates.has(t.state)).length;
    return ` (${done}/${p.tasks.length} tasks finished)`;
  };
  const reporter = await createWaitReporter<JobProgress>(ctx, {
    describe: (e, ms, c) => `job ${e.item?.job.name ?? e.id}: ${e.state ?? 'checking…'}${summary(e.item)}${e.error ? c.yellow(` (${e.error})`) : ''} ${c.dim(elapsedText(ms))}`,
    succeeded: () => !failedTasks(last).length,
  });
  const entry = await waitForOne<JobProgress>(
    ctx,
    {
      noun: 'job',
      id,
      timeout: opts.timeout,
      fetch: async (jobId) => (last = await fetch(jobId)),
      stateOf: (p) => p.state,
      terminal: new Set([DONE, 'Completed', 'Deleting']),
      intervalMs,
      timeoutMs,
    },
    reporter,
  );
  const failed = failedTasks(entry.item);
  if (failed.length) {
    ctx.io.err(`job ${id}: ${failed.length} task${failed.length === 1 ? '' : 's'} did not succeed: ${failed.map((t) => `${t.name} ${t.state}`).join(', ')}\n`);
    throw new SilentExit(1);
  }
}

function failedTasks(p: JobProgress | undefined): Task[] {
  return (p?.tasks ?? []).filter((t) => t.state === 'Failure' || t.state === 'Cancelled');
}
