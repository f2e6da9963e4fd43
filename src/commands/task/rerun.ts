import { rerunTask, type RerunKind } from '../../api/tasks.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { parseUuidOrShortname, quote } from '../../lib/parse.js';
import { printCreated, printDryRun } from '../shared/changes.js';
import { buildTaskRequest, type TaskBodyFlags } from './task-body.js';

const WHAT: Record<RerunKind, string> = {
  clone: 'a copy of',
  retry: 'the failed instances of',
  recover: 'the failed and cancelled instances of',
  resume: 'the cancelled instances of',
};

/**
 * clone / retry / recover / resume: a new task from each given one, in order (one uuid
 * per line, so `list -q | xargs qarnot task retry` works); an empty body keeps
 * everything. Stops at the first failure: the lines printed match the first ids.
 */
export async function runRerun(ctx: Context, kind: RerunKind, opts: TaskBodyFlags, ids: string[]): Promise<void> {
  for (const id of ids) parseUuidOrShortname('ID', id);
  const { bodies } = await buildTaskRequest(ctx, opts, kind === 'clone' ? 'clone' : 'rerun');
  const body = bodies[0]!;
  // The second new task would be refused after the first was made: say so before making any.
  if (ids.length > 1 && typeof body.shortname === 'string') {
    throw new UsageError(`--shortname names one task; ${kind} of ${ids.length} tasks would give them all ${quote(body.shortname)}: give one id, or no --shortname`);
  }
  if (opts.dryRun) return printDryRun(ctx, body, `would create ${WHAT[kind]} ${ids.join(', ')}, each as a new task`);
  const http = await ctx.api();
  for (const id of ids) {
    const { uuid } = await rerunTask(http, kind, id, body);
    printCreated(ctx, uuid, `Created task ${uuid}: ${WHAT[kind]} ${id}`);
  }
}
