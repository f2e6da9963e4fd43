import type { Task } from '../../api/types.js';
import type { Context } from '../../context.js';
import { ExitCode, SilentExit, TimeoutError } from '../../errors.js';
import { parseDuration } from '../../lib/parse.js';
import { checkFields, printItems } from '../../output/print.js';
import { TASK } from '../../resources/task.js';
import { resolveSelection, type SelectionOptions } from '../shared/select.js';
import { VANISHED_STATE, boundedBy, parseInterval, waitForStates } from '../shared/wait.js';
import { deletedLine } from './follow-task.js';
import { createTaskReporter } from './progress.js';

export interface WaitOptions extends SelectionOptions {
  timeout?: string;
  interval?: string;
}

const DEFAULT_INTERVAL_MS = 5000;

/**
 * Like `gh run watch --exit-status`: progress on stderr while waiting, the
 * final tasks on stdout (table, tsv, json, -q ids) once all have ended.
 */
export async function run(ctx: Context, opts: WaitOptions, ids: string[]): Promise<void> {
  const timeoutMs = opts.timeout === undefined ? undefined : parseDuration('--timeout', opts.timeout);
  const intervalMs = parseInterval(opts.interval, DEFAULT_INTERVAL_MS);
  checkFields(ctx, TASK.view);
  const { http, items } = await resolveSelection(ctx, ids, opts, TASK, 'wait for');
  const bounded = boundedBy(http, timeoutMs);
  const reporter = await createTaskReporter(ctx);
  let result;
  try {
    result = await waitForStates<Task>({
      ids: items.map((i) => i.uuid),
      fetch: (id) => TASK.get(bounded, id),
      stateOf: (task) => task.state,
      terminal: TASK.finalStates,
      intervalMs,
      timeoutMs,
      signal: ctx.signal,
      onChange: (entry, previous) => reporter.onChange(entry, previous),
      onRound: (entries) => reporter.onRound(entries),
    });
  } catch (error) {
    reporter.stop([]); // Ctrl-C: put the terminal back as it was
    throw error;
  }
  const { entries, timedOut } = result;
  reporter.stop(entries);
  const ended = entries.filter((e) => e.done && e.item && e.state !== VANISHED_STATE).map((e) => e.item!);
  if (ended.length) await printItems(ctx, ended, TASK.view);
  // Seen, then gone (auto-delete): deleted, its outcome unknown; never seen: not found.
  for (const e of entries.filter((x) => x.state === VANISHED_STATE)) ctx.io.err(e.item ? deletedLine(ctx, e.item) : `${e.id}: ${e.error ?? 'not found'}\n`);
  if (timedOut) {
    const pending = entries.filter((e) => !e.done);
    throw new TimeoutError(`timed out after ${opts.timeout}: ${pending.length} of ${entries.length} tasks still running (${pending.map((e) => e.id).join(', ')})`);
  }
  const bad = entries.filter((e) => e.state !== 'Success');
  if (bad.length) {
    ctx.io.err(`${bad.length} of ${entries.length} tasks did not succeed\n`);
    // Not found is 3, as everywhere; when only some were not found, the others decide: 1.
    throw new SilentExit(bad.every((e) => e.state === VANISHED_STATE && !e.item) && bad.length === entries.length ? ExitCode.NotFound : ExitCode.Failure);
  }
}
