import { createTask, createTasks } from '../../api/tasks.js';
import type { BulkItem } from '../../api/types.js';
import type { Context } from '../../context.js';
import { ApiError, SilentExit } from '../../errors.js';
import type { Body } from '../shared/body.js';
import { info, isJson, printCreated, printDryRun, quotedName } from '../shared/changes.js';
import { shellQuote } from '../../lib/shell.js';
import { attachData, planTaskData, uploadInputs, type DataFlags, type DataPlan } from './data.js';
import { buildTaskRequest, type TaskBodyFlags, type TaskRequest } from './task-body.js';

export async function run(ctx: Context, opts: TaskBodyFlags & DataFlags): Promise<void> {
  const { request, data } = await buildWithData(ctx, opts);
  if (opts.dryRun) {
    const what = request.bulk ? `would create ${request.bodies.length} tasks` : `would create task ${quotedName(request.bodies[0]!)}`;
    printDryRun(ctx, request.bulk ? request.bodies : request.bodies[0]!, what);
    return;
  }
  if (data) await uploadInputs(ctx, data);
  if (!request.bulk) {
    const uuid = await submitOne(ctx, request);
    printCreated(ctx, uuid, createdLine(request, uuid));
    resultsHint(ctx, data, uuid);
    return;
  }
  await submitBulk(ctx, request.bodies);
}

/** The request, with --input and --output attached: everything checked before anything is sent. */
export async function buildWithData(ctx: Context, opts: TaskBodyFlags & DataFlags): Promise<{ request: TaskRequest; data: DataPlan | undefined }> {
  const request = await buildTaskRequest(ctx, opts, 'create');
  const data = await planTaskData(opts, String(request.bodies[0]!.name ?? ''));
  if (data) for (const body of request.bodies) attachData(body, data);
  return { request, data };
}

/** Creates one task; returns its uuid. */
export async function submitOne(ctx: Context, request: TaskRequest): Promise<string> {
  const { uuid } = await createTask(await ctx.api(), request.bodies[0]!);
  return uuid;
}

/** --output DIR without following: nothing downloads into DIR unless told how. */
export function resultsHint(ctx: Context, data: DataPlan | undefined, uuid: string): void {
  if (data?.output) info(ctx, `Once it ends, "qarnot task results ${uuid} ${shellQuote(data.output.dir)}" downloads its results into ${data.output.dir}`);
}

export function createdLine(request: TaskRequest, uuid: string): string {
  return `Created task ${quotedName(request.bodies[0]!)} ${uuid}`;
}

/**
 * One bulk request; the API answers one {statusCode, uuid, message} per item,
 * in order. Created uuids go to stdout, failures to stderr with their index.
 */
async function submitBulk(ctx: Context, bodies: Body[]): Promise<void> {
  let results: BulkItem[];
  try {
    results = await createTasks(await ctx.api(), bodies);
  } catch (error) {
    // When every item fails the API may answer 4xx with the per-item array.
    if (error instanceof ApiError && Array.isArray(error.body)) results = error.body as BulkItem[];
    else throw error;
  }
  let failed = 0;
  const c = ctx.io.colorErr;
  const json = isJson(ctx);
  if (json) ctx.io.out(`${JSON.stringify(bodies.map((_, index) => ({ index, ...(results[index] ?? { statusCode: 0, uuid: null, message: 'no answer' }) })), null, 2)}\n`);
  bodies.forEach((body, i) => {
    const result = results[i];
    const ok = result && result.statusCode >= 200 && result.statusCode < 300 && result.uuid;
    if (ok) {
      if (!json) ctx.io.out(`${result.uuid}\n`);
      info(ctx, `${c.green('✓')} item ${i}: created task ${quotedName(body)} ${result.uuid}`);
    } else {
      failed++;
      const why = result ? `${result.message ?? 'failed'} (HTTP ${result.statusCode})` : 'no answer for this item';
      ctx.io.err(`${c.red('✗')} item ${i} (${quotedName(body)}): ${why}\n`);
    }
  });
  if (failed > 0) {
    ctx.io.err(`${failed} of ${bodies.length} tasks were not created\n`);
    throw new SilentExit(1);
  }
}
