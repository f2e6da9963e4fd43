import { buildTask, rerunInput, type RerunKind } from './create.js';
import { durable, tagFilter, type Ctx, type Reply } from './core.js';
import { FINAL_TASK_STATES, type TaskRec } from './model.js';
import { route, type Route } from './router.js';
import { bind, page, search } from './search.js';
import { TASK_FIELDS, taskOutput, taskSummaryOutput, taskView } from './serialize.js';
import { ApiError, badRequest, forbidden, isObj, notFound, type Obj } from './util.js';
import { MAX_TASK_CONSTANTS, checkConstants, checkTags, invalid } from './validation.js';
import { purgeOnDelete } from './storage/tasks.js';
import type { Account } from './store.js';

export function findTask(ctx: Ctx, id = ctx.params.uuid!): TaskRec {
  const t = ctx.acc.find('task', id);
  if (!t) throw notFound(`Task not found: ${id}`);
  return t;
}

const viewAt = (now: number) => (t: TaskRec) => taskView(t, now);
const taskGetters = (now: number) => bind(TASK_FIELDS, now, viewAt(now));
/** Full TaskOutput of many tasks (the fast literal builder). */
export const taskProjector = (now: number) => (t: TaskRec) => taskOutput(t, now, taskView(t, now));
const summaryProjector = (now: number) => (t: TaskRec) => taskSummaryOutput(t, now, taskView(t, now));

function execMsOf(t: TaskRec, now: number): number {
  let s = 0;
  for (const id of t.instanceIds) {
    const i = t.instances[id]!;
    s += i.execMs + (i.state === 'Running' && i.execStart !== null ? now - i.execStart : 0);
  }
  return s;
}

const sortKeys = (now: number): Record<string, (t: TaskRec) => string | number> => ({
  creationdate: (t) => t.seq,
  name: (t) => t.name,
  state: (t) => t.state,
  executiontime: (t) => execMsOf(t, now),
});

function filtered(acc: Account, ctx: Ctx): TaskRec[] {
  const f = tagFilter(ctx.query);
  const all = [...acc.tasks.values()];
  return f ? all.filter(f) : all;
}

function submitOne(ctx: Ctx, input: unknown, pending = 0): TaskRec {
  if (!isObj(input)) throw badRequest('Invalid task: the body must be a JSON object (or an array of them).');
  const t = buildTask(ctx.acc, input, ctx.core.quotas, pending);
  ctx.acc.add(t);
  ctx.core.engine.tasks.submit(ctx.acc, t);
  return t;
}

/** Saves the tasks just created, or removes them again when the state cannot be saved. */
function savedOrUndone(ctx: Ctx, tasks: TaskRec[]): Promise<void> {
  return durable(ctx.core, () => {
    for (const t of tasks) ctx.core.engine.tasks.delete(ctx.acc, t);
  });
}

async function createTasks(ctx: Ctx): Promise<Reply> {
  if (Array.isArray(ctx.body)) {
    const created: TaskRec[] = [];
    const results = ctx.body.map((input) => {
      try {
        const t = submitOne(ctx, input);
        created.push(t);
        return { statusCode: 200, uuid: t.uuid, message: null };
      } catch (e) {
        if (e instanceof ApiError) return { statusCode: e.status, uuid: null, message: e.message };
        throw e;
      }
    });
    await savedOrUndone(ctx, created);
    return { status: 207, json: results };
  }
  const t = submitOne(ctx, ctx.body);
  await savedOrUndone(ctx, [t]);
  return { json: { uuid: t.uuid }, headers: { location: ctx.location(`/tasks/${t.uuid}`) } };
}

function rerun(kind: RerunKind) {
  return async (ctx: Ctx): Promise<Reply> => {
    const src = findTask(ctx);
    const overrides = isObj(ctx.body) ? ctx.body : {};
    const input = rerunInput(ctx.core.engine, src, kind, overrides);
    const t = submitOne(ctx, input);
    await savedOrUndone(ctx, [t]);
    return { json: { uuid: t.uuid }, headers: { location: ctx.location(`/tasks/${t.uuid}`) } };
  };
}

function snapshotStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

function snapshotStatus(ctx: Ctx, t: TaskRec, id: string): Obj {
  const s = t.snapshots.find((x) => x.id === id);
  if (!s) throw notFound(`Snapshot not found: ${id}`);
  const phase = ctx.core.engine.phaseMs;
  const elapsed = Date.now() - s.triggerDate;
  const status = s.status ?? (elapsed < phase ? 'Triggered' : elapsed < 2 * phase ? 'InProgress' : 'Success');
  return {
    id: s.id,
    taskUuid: t.uuid,
    triggerDate: new Date(s.triggerDate).toISOString(),
    lastUpdateDate: new Date(s.lastUpdate ?? Math.min(Date.now(), s.triggerDate + 2 * phase)).toISOString(),
    snapshotConfig: s.config,
    status,
    sizeToUpload: s.sizeToUpload ?? 0,
    transferredSize: s.transferredSize ?? 0,
  };
}

function snapshotConfig(t: TaskRec, b: Obj): TaskRec['snapshots'][number]['config'] {
  return {
    whitelist: b.whitelist ?? t.snapshotWhitelist ?? null,
    blacklist: b.blacklist ?? t.snapshotBlacklist ?? null,
    bucket: b.bucket ?? t.snapshotBucket ?? t.input.resultBucket ?? null,
    bucketPrefix: b.bucketPrefix ?? t.snapshotBucketPrefix ?? null,
  };
}

async function uniqueSnapshot(ctx: Ctx): Promise<Reply> {
  const t = findTask(ctx);
  if (FINAL_TASK_STATES.has(t.state)) throw forbidden(`Cannot snapshot the task: it is ${t.state}`);
  const now = Date.now();
  const base = `snap_${t.uuid}_${snapshotStamp(now)}`;
  let id = base;
  for (let n = 1; t.snapshots.some((s) => s.id === id); n++) id = `${base}_${n}`;
  const snap = { id, triggerDate: now, config: snapshotConfig(t, isObj(ctx.body) ? ctx.body : {}) };
  t.snapshots.push(snap);
  ctx.core.engine.snapshots.run(ctx.acc, t, snap);
  t.lastModified = now;
  await durable(ctx.core);
  return { json: snapshotStatus(ctx, t, id) };
}

async function periodicSnapshot(ctx: Ctx): Promise<Reply> {
  const t = findTask(ctx);
  if (FINAL_TASK_STATES.has(t.state)) throw forbidden(`Cannot snapshot the task: it is ${t.state}`);
  const b = isObj(ctx.body) ? ctx.body : {};
  const interval = b.interval;
  if (typeof interval !== 'number' || !Number.isInteger(interval) || interval < 0) {
    throw invalid('interval', 'must be an integer number of seconds (0 stops the periodic snapshot).');
  }
  t.snapshotInterval = interval;
  if (b.whitelist !== undefined) t.snapshotWhitelist = b.whitelist;
  if (b.blacklist !== undefined) t.snapshotBlacklist = b.blacklist;
  if (b.bucket !== undefined) t.snapshotBucket = b.bucket;
  if (b.bucketPrefix !== undefined) t.snapshotBucketPrefix = b.bucketPrefix;
  ctx.core.engine.snapshots.armPeriodic(ctx.acc, t);
  t.lastModified = Date.now();
  await durable(ctx.core);
  return {};
}

async function updateTask(ctx: Ctx): Promise<Reply> {
  const t = findTask(ctx);
  const b = isObj(ctx.body) ? ctx.body : {};
  if (b.constants !== undefined && b.constants !== null) t.constants = checkConstants(b.constants, MAX_TASK_CONSTANTS);
  if (b.tags !== undefined && b.tags !== null) t.tags = checkTags(b.tags);
  t.lastModified = Date.now();
  await durable(ctx.core);
  return {};
}

export function taskRoutes(): Route[] {
  return [
    route('GET', '/tasks', (ctx) => ({ json: filtered(ctx.acc, ctx).map(taskProjector(Date.now())) })),
    route('GET', '/tasks/summaries', (ctx) => ({ json: filtered(ctx.acc, ctx).map(summaryProjector(Date.now())) })),
    route('POST', '/tasks', createTasks),
    route('POST', '/tasks/search', (ctx) => ({ json: search(ctx.body, ctx.acc.tasks.values(), taskGetters(Date.now()), taskProjector(Date.now())) }), { read: true }),
    route('POST', '/tasks/paginate', (ctx) => {
      const now = Date.now();
      return { json: page(ctx.body, ctx.acc.ordered('task'), taskGetters(now), taskProjector(now), sortKeys(now)) };
    }, { read: true }),
    route('POST', '/tasks/summaries/paginate', (ctx) => {
      const now = Date.now();
      return { json: page(ctx.body, ctx.acc.ordered('task'), taskGetters(now), summaryProjector(now), sortKeys(now)) };
    }, { read: true }),
    route('GET', '/tasks/{uuid}', (ctx) => ({ json: taskProjector(Date.now())(findTask(ctx)) })),
    route('PUT', '/tasks/{uuid}', updateTask),
    route('PATCH', '/tasks/{uuid}', (ctx) => {
      const t = findTask(ctx);
      if (!['PartiallyDispatched', 'FullyDispatched', 'PartiallyExecuting', 'FullyExecuting'].includes(t.state)) {
        throw badRequest(`Task is not running (state ${t.state}): resources can only be updated on a running task`);
      }
      ctx.core.engine.instances.syncResources(ctx.acc, t);
      return {};
    }, { saves: false }),
    route('DELETE', '/tasks/{uuid}', async (ctx) => {
      const t = findTask(ctx);
      ctx.core.engine.tasks.delete(ctx.acc, t);
      await purgeOnDelete(ctx, t.input);
      await durable(ctx.core);
      return {};
    }),
    route('POST', '/tasks/{uuid}/abort', async (ctx) => {
      const t = findTask(ctx);
      if (!ctx.core.engine.tasks.abort(ctx.acc, t)) throw forbidden(`Can't abort the task: it is already ${t.state}`);
      await durable(ctx.core);
      return {};
    }),
    route('POST', '/tasks/{uuid}/retry', rerun('retry')),
    route('POST', '/tasks/{uuid}/recover', rerun('recover')),
    route('POST', '/tasks/{uuid}/resume', rerun('resume')),
    route('POST', '/tasks/{uuid}/clone', rerun('clone')),
    // Deprecated upstream ("use clone or recover"): behaves as clone.
    route('POST', '/tasks/{uuid}/restart', rerun('clone')),
    route('POST', '/tasks/{uuid}/snapshot', uniqueSnapshot),
    route('POST', '/tasks/{uuid}/snapshot/periodic', periodicSnapshot),
    route('GET', '/tasks/{uuid}/snapshot/{snapshotId}', (ctx) => ({ json: snapshotStatus(ctx, findTask(ctx), ctx.params.snapshotId!) })),
  ];
}

