import type { Ctx, Reply } from './core.js';
import type { StreamName } from './output-buffer.js';
import { route, type Route } from './router.js';
import { notFound } from './util.js';
import { slotCapacity } from './slots.js';

const text = (t: string): Reply => ({ text: t, headers: { 'content-type': 'text/plain; charset=utf-8' } });

function instanceParam(ctx: Ctx, known: (id: number) => boolean, what: string): number | undefined {
  const raw = ctx.params.instanceId;
  if (raw === undefined) return undefined;
  const id = Number(raw);
  if (!/^\d+$/.test(raw) || !known(id)) throw notFound(`${what} or instance not found: no instance ${raw}`);
  return id;
}

function taskOutput(stream: StreamName, fresh: boolean) {
  return (ctx: Ctx): Reply => {
    const t = ctx.acc.find('task', ctx.params.uuid!);
    if (!t) throw notFound(`Task not found: ${ctx.params.uuid}`);
    const inst = instanceParam(ctx, (id) => t.instances[id] !== undefined, 'Task');
    const out = ctx.core.engine.outputsOf(ctx.acc, t.uuid);
    const body = fresh ? out.readFresh(stream, inst) : out.read(stream, inst);
    if (fresh) ctx.core.persistence?.markDirty();
    return text(body);
  };
}

function poolOutput(stream: StreamName, fresh: boolean) {
  return (ctx: Ctx): Reply => {
    const p = ctx.acc.find('pool', ctx.params.uuid!);
    if (!p) throw notFound(`Pool not found: ${ctx.params.uuid}`);
    const inst = instanceParam(ctx, (id) => id >= 0 && id < slotCapacity(p), 'Pool');
    const out = ctx.core.engine.outputsOf(ctx.acc, p.uuid);
    const body = fresh ? out.readFresh(stream, inst) : out.read(stream, inst);
    if (fresh) ctx.core.persistence?.markDirty();
    return text(body);
  };
}

export function outputRoutes(): Route[] {
  const routes: Route[] = [];
  for (const stream of ['stdout', 'stderr'] as const) {
    for (const suffix of ['', '/{instanceId}']) {
      // POST moves a server-side cursor: it is a write for the read-only header's purposes.
      routes.push(route('GET', `/tasks/{uuid}/${stream}${suffix}`, taskOutput(stream, false)));
      routes.push(route('POST', `/tasks/{uuid}/${stream}${suffix}`, taskOutput(stream, true), { read: false, saves: false }));
      routes.push(route('GET', `/pools/{uuid}/${stream}${suffix}`, poolOutput(stream, false)));
      routes.push(route('POST', `/pools/{uuid}/${stream}${suffix}`, poolOutput(stream, true), { read: false, saves: false }));
    }
  }
  return routes;
}
