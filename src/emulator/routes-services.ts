import { carbonRoutes } from './routes-carbon.js';
import { creditsRoutes } from './routes-credits.js';
import { secretsRoutes } from './routes-secrets.js';
import { route, type Route } from './router.js';
import { findTask } from './routes-tasks.js';

/** The services the SDKs call beside the compute API: carbon, credits, quotas, secrets, port forwards. */
export function serviceRoutes(): Route[] {
  return [
    ...carbonRoutes(),
    ...creditsRoutes(),
    ...secretsRoutes(),
    // The Node SDK's getPortForwarding: the running instances' forwards, one entry per port.
    route('GET', '/network/tasks/{uuid}/port-forward', (ctx) => {
      const t = findTask(ctx);
      const forwards = t.instanceIds.flatMap((id) => {
        const i = t.instances[id];
        return i?.state === 'Running' ? (i.forwards ?? []).map((f) => ({ instanceId: id, ...f })) : [];
      });
      return { json: forwards };
    }),
  ];
}
