import { buildPool, poolCloneInput } from './create.js';
import { durable, poolCtx, tagFilter, type Ctx, type Reply } from './core.js';
import type { PoolRec } from './model.js';
import { route, type Route } from './router.js';
import { activePolicyName, checkScaling } from './scaling.js';
import { bind, page, projector, search } from './search.js';
import { JOB_FIELDS, POOL_FIELDS, POOL_SUMMARY_FIELDS } from './serialize.js';
import { taskProjector } from './routes-tasks.js';
import { purgeOnDelete } from './storage/tasks.js';
import { badRequest, isObj, notFound, problem, type Obj } from './util.js';
import { MAX_POOL_CONSTANTS, checkConstants, checkTags, invalid } from './validation.js';

export function findPool(ctx: Ctx, id = ctx.params.uuid!): PoolRec {
  const p = ctx.acc.find('pool', id);
  if (!p) throw notFound(`Pool not found: ${id}`);
  return p;
}

const poolGetters = (ctx: Ctx, now: number) => bind(POOL_FIELDS, now, (p: PoolRec) => poolCtx(ctx.core, p));
const summaryGetters = (ctx: Ctx, now: number) => bind(POOL_SUMMARY_FIELDS, now, (p: PoolRec) => poolCtx(ctx.core, p));

const sortKeys: Record<string, (p: PoolRec) => string | number> = {
  creationdate: (p) => p.seq,
  name: (p) => p.name,
  state: (p) => p.state,
  executiontime: () => 0,
};

/** Sanity-check answer shape: every problem keyed by its JSON path. */
function scalingProblem(errors: Record<string, string[]>) {
  const detail = `Validation failed: ${Object.entries(errors)
    .map(([k, v]) => `${k}: ${v.join(' ')}`)
    .join('; ')}`;
  return problem(400, 'Model validation error', detail, errors);
}

function filtered(ctx: Ctx): PoolRec[] {
  const f = tagFilter(ctx.query);
  const all = [...ctx.acc.pools.values()];
  return f ? all.filter(f) : all;
}

async function createPool(ctx: Ctx, input: unknown): Promise<Reply> {
  if (!isObj(input)) throw badRequest('Invalid pool: the body must be a JSON object.');
  const p = buildPool(ctx.acc, input, ctx.core.quotas);
  ctx.acc.add(p);
  ctx.core.engine.pools.submit(ctx.acc, p);
  await durable(ctx.core, () => ctx.core.engine.pools.delete(ctx.acc, p));
  return { json: { uuid: p.uuid }, headers: { location: ctx.location(`/pools/${p.uuid}`) } };
}

async function updatePool(ctx: Ctx): Promise<Reply> {
  const p = findPool(ctx);
  const b = isObj(ctx.body) ? ctx.body : {};
  const constants = b.constants !== undefined && b.constants !== null ? checkConstants(b.constants, MAX_POOL_CONSTANTS) : null;
  const tags = b.tags !== undefined && b.tags !== null ? checkTags(b.tags) : null;
  let scaling: { policies: Obj[] } | null = null;
  if (b.scaling !== undefined && b.scaling !== null) {
    const r = checkScaling(b.scaling);
    const first = Object.entries(r.errors)[0];
    if (first) throw invalid(`scaling.${first[0]}`, first[1][0]!);
    scaling = r.normalized;
  }
  if (b.elasticProperty !== undefined && b.elasticProperty !== null && !isObj(b.elasticProperty)) throw invalid('elasticProperty', 'must be an object.');
  if (constants) p.constants = constants;
  if (tags) p.tags = tags;
  if (scaling) p.scaling = scaling;
  if (isObj(b.elasticProperty)) p.elasticProperty = b.elasticProperty;
  p.lastModified = Date.now();
  await durable(ctx.core);
  return {};
}

export function poolRoutes(): Route[] {
  return [
    route('GET', '/pools', (ctx) => {
      const proj = projector(poolGetters(ctx, Date.now()));
      return { json: filtered(ctx).map(proj) };
    }),
    route('GET', '/pools/summaries', (ctx) => {
      const proj = projector(summaryGetters(ctx, Date.now()));
      return { json: filtered(ctx).map(proj) };
    }),
    route('POST', '/pools', (ctx) => createPool(ctx, ctx.body)),
    route('POST', '/pools/search', (ctx) => ({ json: search(ctx.body, ctx.acc.pools.values(), poolGetters(ctx, Date.now())) }), { read: true }),
    route('POST', '/pools/paginate', (ctx) => {
      const g = poolGetters(ctx, Date.now());
      return { json: page(ctx.body, ctx.acc.ordered('pool'), g, g, sortKeys) };
    }, { read: true }),
    route('POST', '/pools/summaries/paginate', (ctx) => {
      const now = Date.now();
      return { json: page(ctx.body, ctx.acc.ordered('pool'), poolGetters(ctx, now), summaryGetters(ctx, now), sortKeys) };
    }, { read: true }),
    route('GET', '/pools/{uuid}', (ctx) => ({ json: projector(poolGetters(ctx, Date.now()))(findPool(ctx)) })),
    route('PUT', '/pools/{uuid}', updatePool),
    route('PATCH', '/pools/{uuid}', (ctx) => {
      const p = findPool(ctx);
      if (p.state === 'Closing' || p.state === 'Closed') throw badRequest(`Pool is not running (state ${p.state}): resources cannot be updated`);
      for (const t of ctx.acc.tasks.values()) if (t.poolUuid === p.uuid) ctx.core.engine.instances.syncResources(ctx.acc, t);
      return {};
    }, { saves: false }),
    route('DELETE', '/pools/{uuid}', async (ctx) => {
      const p = findPool(ctx);
      ctx.core.engine.pools.delete(ctx.acc, p);
      await purgeOnDelete(ctx, p.input);
      await durable(ctx.core);
      return {};
    }),
    route('POST', '/pools/{uuid}/close', async (ctx) => {
      ctx.core.engine.pools.close(ctx.acc, findPool(ctx));
      await durable(ctx.core);
      return {};
    }),
    route('POST', '/pools/{uuid}/clone', (ctx) => {
      const src = findPool(ctx);
      return createPool(ctx, poolCloneInput(src, isObj(ctx.body) ? ctx.body : {}));
    }),
    route('GET', '/pools/{uuid}/jobs', (ctx) => {
      const p = findPool(ctx);
      const proj = projector(bind(JOB_FIELDS, Date.now(), () => undefined));
      return { json: [...ctx.acc.jobs.values()].filter((j) => j.poolUuid === p.uuid).map(proj) };
    }),
    route('GET', '/pools/{uuid}/tasks', (ctx) => {
      const p = findPool(ctx);
      const proj = taskProjector(Date.now());
      return { json: [...ctx.acc.tasks.values()].filter((t) => t.poolUuid === p.uuid).map(proj) };
    }),
    route('GET', '/pools/{uuid}/scaling', (ctx) => {
      const p = findPool(ctx);
      const policies = p.scaling?.policies ?? [];
      return { json: { policies, activePolicyName: activePolicyName(policies) } };
    }),
    route('PUT', '/pools/{uuid}/scaling', async (ctx) => {
      const p = findPool(ctx);
      const r = checkScaling(ctx.body);
      if (Object.keys(r.errors).length) throw scalingProblem(r.errors);
      p.scaling = r.normalized;
      p.lastModified = Date.now();
      await durable(ctx.core);
      return { json: {} };
    }),
    route('POST', '/sanity-checks/pools/scaling', (ctx) => {
      const r = checkScaling(ctx.body);
      if (Object.keys(r.errors).length) throw scalingProblem(r.errors);
      return { json: {} };
    }, { saves: false }),
  ];
}
