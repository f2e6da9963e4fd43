import type { Context } from '../../context.js';
import { InterruptedError, TimeoutError, UsageError } from '../../errors.js';
import { parseDuration } from '../../lib/parse.js';
import { info, printCreated, printDryRun, quotedName } from '../shared/changes.js';
import { buildWithData, createdLine, resultsHint, submitOne } from './create.js';
import { downloadResults, uploadInputs, type DataFlags } from './data.js';
import { exitWithOutcome, followTask } from './follow-task.js';
import type { TaskBodyFlags } from './task-body.js';

export interface RunOptions extends TaskBodyFlags, DataFlags {
  detach?: boolean;
  timestamps?: boolean;
  timeout?: string;
}

/** create + follow stdout and stderr + exit with the task's outcome: the `docker run` of Qarnot. */
export async function run(ctx: Context, opts: RunOptions): Promise<void> {
  if (opts.detach && opts.timestamps) throw new UsageError('--timestamps cannot be used with --detach: nothing is followed');
  if (opts.detach && opts.timeout !== undefined) throw new UsageError('--timeout cannot be used with --detach: nothing is followed');
  const timeoutMs = opts.timeout === undefined ? undefined : parseDuration('--timeout', opts.timeout);
  const { request, data } = await buildWithData(ctx, opts);
  if (request.bulk) throw new UsageError(`-f ${opts.file}: task run takes one task; use "task create" for an array, then "task wait"`);
  if (opts.dryRun) {
    printDryRun(ctx, request.bodies[0], `would create task ${quotedName(request.bodies[0]!)}`);
    return;
  }
  const body = request.bodies[0]!;
  if (!opts.detach && body.autoDeleteOnCompletion === true && (body.completionTimeToLive ?? '00:00:00') === '00:00:00') {
    ctx.io.err(`${ctx.io.colorErr.yellow('!')} --auto-delete without --ttl: the task may be deleted before its outcome can be read; add e.g. --ttl 1m\n`);
  }
  if (data) await uploadInputs(ctx, data);
  const uuid = await submitOne(ctx, request);
  if (opts.detach) {
    printCreated(ctx, uuid, createdLine(request, uuid));
    resultsHint(ctx, data, uuid);
    return;
  }
  // Not on stdout: it carries the task's own output.
  info(ctx, `${ctx.io.colorErr.green('✓')} ${createdLine(request, uuid)}`);
  const http = await ctx.api();
  try {
    const task = await followTask(ctx, http, uuid, { streams: ['stdout', 'stderr'], timestamps: Boolean(opts.timestamps), stderrToStderr: true, timeoutMs });
    // Failed tasks too: their logs and partial outputs are results.
    if (data?.output && (await downloadResults(ctx, data.output.bucket, data.output.prefix, data.output.dir)) > 0) process.exitCode = 1;
    exitWithOutcome(ctx, task);
  } catch (error) {
    if (error instanceof InterruptedError || error instanceof TimeoutError) {
      ctx.io.err(`\nStopped following; task ${uuid} keeps running ("qarnot task abort ${uuid}" stops it)\n`);
    }
    throw error;
  }
}
