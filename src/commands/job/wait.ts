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
/** A task seen in the job, then gone from it before it was seen to end (auto-delete): its outcome is unknown. */
const DELETED = 'Deleted';
const ended = (t: Task) => TASK.finalStates.has(t.state) || t.state === DELETED;

export async function run(ctx: Context, opts: WaitOptions, id: string): Promise<void> {
  parseUuidOrShortname('ID', id);
  const timeoutMs = opts.timeout === undefined ? undefined : parseDuration('--timeout', opts.timeout);
  const intervalMs = parseInterval(opts.interval, 2000);
  const http = boundedBy(await ctx.api(), timeoutMs);
  let last: JobProgress | undefined;
  // Every task seen in the job, as last seen: one deleted since (auto-delete) still counts.
  const seen = new Map<string, Task>();
  const fetch = async (jobId: string): Promise<JobProgress> => {
    const job = await getJob(http, jobId);
    const listed = await jobTasks(http, jobId);
    const present = new Set(listed.map((t) => t.uuid));
    for (const [uuid, t] of seen) if (!present.has(uuid) && !ended(t)) seen.set(uuid, { ...t, state: DELETED });
    for (const t of listed) seen.set(t.uuid, t);
    const tasks = [...seen.values()];
    const allDone = tasks.length > 0 && tasks.every(ended);
    return { job, tasks, state: job.state === 'Completed' || job.state === 'Deleting' ? job.state : allDone ? DONE : job.state };
  };
  const summary = (p: JobProgress | undefined) => {
    if (!p) return '';
    const done = p.tasks.filter(ended).length;
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
    ctx.io.err(`job ${id}: ${failed.length} task${failed.length === 1 ? '' : 's'} did not succeed: ${failed.map((t) => `${t.name} ${t.state === DELETED ? 'deleted before it was seen to end' : t.state}`).join(', ')}\n`);
    throw new SilentExit(1);
  }
}

function failedTasks(p: JobProgress | undefined): Task[] {
  return (p?.tasks ?? []).filter((t) => t.state === 'Failure' || t.state === 'Cancelled' || t.state === DELETED);
}
