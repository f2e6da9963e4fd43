import type { Http } from '../../api/http.js';
import { getTask, readOutput, TASK_FINAL_STATES, type Stream } from '../../api/tasks.js';
import type { Task } from '../../api/types.js';
import type { Context } from '../../context.js';
import { SilentExit } from '../../errors.js';
import { colorState } from '../../output/print.js';
import { decorateLines, followOutput } from '../shared/follow.js';

export interface FollowTaskOptions {
  streams: Stream[];
  instance?: number;
  timestamps: boolean;
  /** Where each stream's lines go: with several streams, the task's stderr goes to our stderr. */
  stderrToStderr: boolean;
  /** Stop following after this long (exit 124); the task keeps running. */
  timeoutMs?: number;
}

/** Streams a task's output until it ends (see shared/follow.ts for how); returns the final task. */
export async function followTask(ctx: Context, http: Http, id: string, options: FollowTaskOptions): Promise<Task> {
  let last: Task | undefined;
  await followOutput({
    sources: options.streams.map((stream) => {
      const toErr = stream === 'stderr' && options.stderrToStderr;
      const write = toErr ? ctx.io.err : ctx.io.out;
      const color = toErr ? ctx.io.colorErr : ctx.io.color;
      return {
        name: stream,
        read: () => readOutput(http, id, stream, options.instance),
        write: (lines: string, at: Date) => write(decorateLines(lines, { color, timestamps: options.timestamps }, at)),
      };
    }),
    isFinished: async () => {
      last = await getTask(http, id);
      return TASK_FINAL_STATES.has(last.state);
    },
    signal: ctx.signal,
    timeoutMs: options.timeoutMs,
    warn: (message) => ctx.io.err(`${ctx.io.colorErr.yellow('!')} ${message}\n`),
  });
  return last!;
}

/** Exit 0 on Success; otherwise say how it ended and exit 1. */
export function exitWithOutcome(ctx: Context, task: Task): void {
  if (task.state === 'Success') {
    if (!ctx.globals.quiet) ctx.io.err(`${ctx.io.colorErr.green('✓')} Task ${task.name ? `"${task.name}" ` : ''}${task.uuid} ended in ${colorState(ctx.io.colorErr, task.state)}\n`);
    return;
  }
  const firstError = task.errors?.find((e) => e?.message)?.message;
  ctx.io.err(
    `${ctx.io.colorErr.red('✗')} Task ${task.name ? `"${task.name}" ` : ''}${task.uuid} ended in ${colorState(ctx.io.colorErr, task.state)}` +
      `${task.status?.failedRange ? ` (failed instances: ${task.status.failedRange})` : ''}${firstError ? `: ${firstError}` : ''}\n`,
  );
  throw new SilentExit(1);
}
