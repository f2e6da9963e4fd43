import { queryCi, userInfo, type Ctx } from './core.js';
import { HARDWARE_CONSTRAINTS, PROFILES, findProfile } from './profiles.js';
import { route, type Route } from './router.js';
import { badRequest, notFound } from './util.js';

const VERSION = '1.0.0-emulator';

function intQuery(ctx: Ctx, name: string, def: number): number {
  const v = queryCi(ctx.query, name);
  if (v === null || v === '') return def;
  if (!/^\d+$/.test(v)) throw badRequest(`Invalid parameter '${name}': must be a non-negative integer.`);
  return Number(v);
}

/**
 * The storage URL for this client: bound to every address (--host 0.0.0.0), the emulator
 * names its storage by the host the client reached it on, as 0.0.0.0 means "here" to the client.
 */
function storageUrlFor(ctx: Ctx): string {
  const storage = new URL(ctx.core.storage.url);
  if (storage.hostname !== '0.0.0.0' && storage.hostname !== '[::]') return ctx.core.storage.url;
  storage.hostname = new URL(ctx.location('/')).hostname;
  return storage.origin;
}

export function miscRoutes(): Route[] {
  return [
    route('GET', '/', () => ({})),
    route('GET', '/settings', (ctx) => ({ json: { storage: storageUrlFor(ctx) } }), { auth: false }),
    route('GET', '/versions', () => ({ json: [{ version: 'v1', endOfLife: null }] }), { auth: false }),
    route('GET', '/status', (ctx) => ({
      json: {
        status: 'ok',
        emulator: true,
        version: VERSION,
        uptimeSec: Math.round((Date.now() - ctx.core.startedAt) / 1000),
        runningProcesses: ctx.core.engine.runner.activeCount,
      },
    })),
    route('GET', '/info', (ctx) => ({ json: userInfo(ctx.core, ctx.acc) })),
    route('GET', '/profiles', () => ({ json: PROFILES.map((p) => p.name) })),
    route('GET', '/profiles/{name}', (ctx) => {
      const p = findProfile(ctx.params.name!);
      if (!p) throw notFound(`Profile not found: ${ctx.params.name}`);
      return { json: p };
    }),
    route('GET', '/hardware-constraints', (ctx) => {
      const limit = Math.min(50, intQuery(ctx, 'limit', 50));
      const offset = intQuery(ctx, 'offset', 0);
      return { json: { data: HARDWARE_CONSTRAINTS.slice(offset, offset + limit), offset, limit, total: HARDWARE_CONSTRAINTS.length } };
    }),
    route('GET', '/hardware-constraints/cpu-model-constraints/search', (ctx) => {
      const q = queryCi(ctx.query, 'cpuModel');
      if (q === null || q.trim() === '') throw badRequest("Missing argument 'cpuModel'.");
      const found = HARDWARE_CONSTRAINTS.filter(
        (h) => h.discriminator === 'CpuModelHardwareConstraint' && String(h.cpuModel).toLowerCase().includes(q.toLowerCase()),
      );
      if (!found.length) throw notFound(`No cpu model constraint matches '${q}'`);
      return { json: found };
    }),
    route('GET', '/_emulator/requests', (ctx) => ({ json: ctx.core.counters })),
    route('POST', '/_emulator/reset-counters', (ctx) => {
      const c = ctx.core.counters;
      c.total = 0;
      c.maxInFlight = c.inFlight;
      c.byRoute = {};
      c.pagesReadAhead = 0;
      return { json: {} };
    }, { saves: false }),
  ];
}
