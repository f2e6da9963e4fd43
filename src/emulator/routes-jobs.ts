import { buildJob } from './create.js';
import { durable, tagFilter, type Ctx } from './core.js';
import type { JobRec } from './model.js';
import { route, type Route } from './router.js';
import { bind, page, projector, search } from './search.js';
import { JOB_FIELDS } from './serialize.js';
import { taskProjector } from './routes-tasks.js';
import { badRequest, isObj, notFound } from './util.js';
import { queryCi } from './core.js';

function findJob(ctx: Ctx, id = ctx.params.uuid!): JobRec {
  const j = ctx.acc.find('job', id);
  if (!j) throw notFound(`Job not found: ${id}`);
  return j;
}

const jobGetters = (now: number) => bind(JOB_FIELDS, now, () => undefined);
const sortKeys: Record<string, (j: JobRec) => string | number> = {
  creationdate: (j) => j.seq,
  name: (j) => j.name,
  state: (j) => j.state,
};

export function jobRoutes(): Route[] {
  return [
    route('GET', '/jobs', (ctx) => {
      const f = tagFilter(ctx.query);
      const all = [...ctx.acc.jobs.values()];
      return { json: (f ? all.filter(f) : all).map(projector(jobGetters(Date.now()))) };
    }),
    route('POST', '/jobs', async (ctx) => {
      if (!isObj(ctx.body)) throw badRequest('Invalid job: the body must be a JSON object.');
      const j = buildJob(ctx.acc, ctx.body, ctx.core.quotas);
      ctx.acc.add(j);
      ctx.core.engine.jobs.submit(ctx.acc, j);
      await durable(ctx.core, () => ctx.core.engine.jobs.delete(ctx.acc, j, true));
      return { json: { uuid: j.uuid }, headers: { location: ctx.location(`/jobs/${j.uuid}`) } };
    }),
    route('POST', '/jobs/search', (ctx) => ({ json: search(ctx.body, ctx.acc.jobs.values(), jobGetters(Date.now())) }), { read: true }),
    route('POST', '/jobs/paginate', (ctx) => {
      const g = jobGetters(Date.now());
      return { json: page(ctx.body, ctx.acc.ordered('job'), g, g, sortKeys) };
    }, { read: true }),
    route('GET', '/jobs/{uuid}', (ctx) => ({ json: projector(jobGetters(Date.now()))(findJob(ctx)) })),
    route('DELETE', '/jobs/{uuid}', async (ctx) => {
      const force = (queryCi(ctx.query, 'force') ?? '').toLowerCase();
      ctx.core.engine.jobs.delete(ctx.acc, findJob(ctx), force === 'true' || force === '1');
      await durable(ctx.core);
      return {};
    }),
    route('POST', '/jobs/{uuid}/terminate', async (ctx) => {
      ctx.core.engine.jobs.terminate(ctx.acc, findJob(ctx));
      await durable(ctx.core);
      return {};
    }),
    route('GET', '/jobs/{uuid}/tasks', (ctx) => {
      const j = findJob(ctx);
      const proj = taskProjector(Date.now());
      return { json: ctx.core.engine.index.ofJob(j.uuid).sort((a, b) => a.seq - b.seq).map(proj) };
    }),
  ];
}
