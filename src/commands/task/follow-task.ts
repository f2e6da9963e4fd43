import type { Http } from '../../api/http.js';
import { getTask, readOutput, type Stream } from '../../api/tasks.js';
import { TASK } from '../../resources/task.js';
import type { Task } from '../../api/types.js';
import type { Context } from '../../context.js';
import { ApiError, SilentExit } from '../../errors.js';
import { colorState, inlineText } from '../../output/print.js';
import { decorateLines, followOutput } from '../shared/follow.js';
import { boundedBy, reportUntilOutput } from '../shared/wait.js';
import { createTaskReporter } from './progress.js';

export interface FollowTaskOptions {
  streams: Stream[];
  instance?: number;
  timestamps: boolean;
  /** Where each stream's lines go: with several streams, the task's stderr goes to our stderr. */
  stderrToStderr: boolean;
  /** Stop following after this long (exit 124); the task keeps running. */
  timeoutMs?: number;
}

/**
 * Streams a task's output until it ends (see shared/follow.ts for how);
 * returns the last task seen. A task that vanishes once seen (auto-delete on
 * completion, or deleted by someone else) ends the follow: what was already
 * read is printed and the last known task returned. Until its output starts, its
 * state is shown on stderr, as `task wait` shows it.
 */
export async function followTask(ctx: Context, unbounded: Http, id: string, options: FollowTaskOptions): Promise<FollowedTask> {
  const http = boundedBy(unbounded, options.timeoutMs);
  let last: Task | undefined;
  let gone = false;
  const vanished = (error: unknown) => last !== undefined && error instanceof ApiError && error.status === 404;
  const waiting = reportUntilOutput(await createTaskReporter(ctx), id, (task) => task.state, (state) => TASK.finalStates.has(state));
  try {
    await followOutput({
      sources: options.streams.map((stream) => {
        const toErr = stream === 'stderr' && options.stderrToStderr;
        const write = toErr ? ctx.io.err : ctx.io.out;
        const color = toErr ? ctx.io.colorErr : ctx.io.color;
        let lastText = '';
        return {
          name: stream,
          read: async () => {
            if (gone) return lastText;
            try {
              return (lastText = await readOutput(http, id, stream, options.instance));
            } catch (error) {
              if (!vanished(error)) throw error;
              // One instance's 404 may mean that instance does not exist, not that the task went.
              if (options.instance !== undefined && (await stillThere(http, id))) throw error;
              gone = true;
              return lastText;
            }
          },
          write: (lines: string, at: Date) => {
            waiting.outputStarts();
            write(decorateLines(lines, { color, timestamps: options.timestamps }, at));
          },
        };
      }),
      isFinished: async () => {
        if (gone) return true;
        try {
          last = await getTask(http, id);
        } catch (error) {
          if (!vanished(error)) throw error;
          gone = true;
          return true;
        }
        waiting.seen(last);
        return TASK.finalStates.has(last.state);
      },
      signal: ctx.signal,
      timeoutMs: options.timeoutMs,
      warn: (message) => ctx.io.err(`${ctx.io.colorErr.yellow('!')} ${message}\n`),
    });
  } finally {
    waiting.outputStarts();
  }
  return { task: last!, deleted: gone };
}

async function stillThere(http: Http, id: string): Promise<boolean> {
  try {
    await getTask(http, id);
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return false;
    throw error;
  }
}

export interface FollowedTask {
  task: Task;
  /** It vanished while followed: its final state may be unknown. */
  deleted: boolean;
}

const quotedTaskName = (task: Task) => (task.name ? `"${inlineText(task.name)}" ` : '');

/** A task seen, then gone before it was seen to end. */
export function deletedLine(ctx: Context, task: Task): string {
  return `${ctx.io.colorErr.red('✗')} Task ${task.uuid} was deleted (auto-delete?) while ${task.state}; its outcome is unknown\n`;
}

/** Exit 0 on Success; otherwise say how it ended and exit 1. */
export function exitWithOutcome(ctx: Context, { task, deleted }: FollowedTask): void {
  if (deleted && !TASK.finalStates.has(task.state)) {
    ctx.io.err(deletedLine(ctx, task));
    throw new SilentExit(1);
  }
  if (task.state === 'Success') {
    if (!ctx.globals.quiet) ctx.io.err(`${ctx.io.colorErr.green('✓')} Task ${quotedTaskName(task)}${task.uuid} ended in ${colorState(ctx.io.colorErr, task.state)}\n`);
    return;
  }
  const firstError = task.errors?.find((e) => e?.message)?.message;
  ctx.io.err(
    `${ctx.io.colorErr.red('✗')} Task ${quotedTaskName(task)}${task.uuid} ended in ${colorState(ctx.io.colorErr, task.state)}` +
      `${task.status?.failedRange ? ` (failed instances: ${task.status.failedRange})` : ''}${firstError ? `: ${inlineText(firstError)}` : ''}\n`,
  );
  throw new SilentExit(1);
}
