import { rerunTask, type RerunKind } from '../../api/tasks.js';
import type { Context } from '../../context.js';
import { parseUuidOrShortname } from '../../lib/parse.js';
import { printCreated, printDryRun } from './create.js';
import { buildTaskRequest, type TaskBodyFlags } from './task-body.js';

const WHAT: Record<RerunKind, string> = {
  clone: 'a copy of',
  retry: 'the failed instances of',
  recover: 'the failed and cancelled instances of',
  resume: 'the cancelled instances of',
};

/** clone / retry / recover / resume: a new task from an existing one; an empty body keeps everything. */
export async function runRerun(ctx: Context, kind: RerunKind, opts: TaskBodyFlags, id: string): Promise<void> {
  parseUuidOrShortname('ID', id);
  const { bodies } = await buildTaskRequest(ctx, opts, kind === 'clone' ? 'clone' : 'rerun');
  const body = bodies[0]!;
  if (opts.dryRun) {
    printDryRun(ctx, body);
    return;
  }
  const { uuid } = await rerunTask(await ctx.api(), kind, id, body);
  printCreated(ctx, uuid);
  if (!ctx.globals.quiet) ctx.io.err(`${ctx.io.colorErr.green('✓')} Created task ${uuid}: ${WHAT[kind]} ${id}\n`);
}
