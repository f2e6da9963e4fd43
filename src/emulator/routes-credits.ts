import { queryCi, userInfo } from './core.js';
import { accountCredits, budgetsOf, projectsOf } from './projects.js';
import { route, type Route } from './router.js';
import { findPool } from './routes-pools.js';
import { findTask } from './routes-tasks.js';
import { creditsFor, poolExecSeconds, taskExecSeconds } from './usage.js';
import { badRequest, notFound } from './util.js';


/** Credits, project budgets and computing quotas: the services beside the compute API. */
export function creditsRoutes(): Route[] {
  return [
    route('GET', '/credits/v1/accounts/credits', (ctx) => ({ json: { credits: accountCredits(ctx.acc) } })),
    route('GET', '/credits/v1/tasks/{uuid}/credits', (ctx) => ({ json: { credits: creditsFor(taskExecSeconds(findTask(ctx))) } })),
    route('GET', '/credits/v1/pools/{uuid}/credits', (ctx) => ({ json: { credits: creditsFor(poolExecSeconds(ctx.acc, findPool(ctx))) } })),
    route('GET', '/credits/v1/projects/{uuid}/budgets', (ctx) => {
      const project = projectsOf(ctx.acc).find((p) => p.uuid === ctx.params.uuid!.toLowerCase());
      if (!project) throw notFound(`Project not found: ${ctx.params.uuid}`);
      const raw = queryCi(ctx.query, 'activeOnly');
      if (raw !== null && !/^(true|false)$/i.test(raw)) throw badRequest(`Invalid parameter 'activeOnly': must be true or false.`);
      const now = Date.now();
      const all = budgetsOf(ctx.acc, project, now);
      const active = (b: (typeof all)[number]) => !b.isArchived && Date.parse(String(b.expirationDateUtc)) > now;
      return { json: { budgets: raw?.toLowerCase() === 'true' ? all.filter(active) : all } };
    }),
    route('GET', '/quotas/computing-quotas/user', (ctx) => {
      const q = userInfo(ctx.core, ctx.acc).computingQuotas as { user: unknown };
      return { json: q.user };
    }),
    route('GET', '/quotas/computing-quotas/organization', (ctx) => {
      const q = userInfo(ctx.core, ctx.acc).computingQuotas as { organization: unknown };
      return { json: q.organization };
    }),
  ];
}
