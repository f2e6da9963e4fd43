import type { Ctx, Reply } from './core.js';

type Handler = (ctx: Ctx) => Reply | Promise<Reply>;

export interface Route {
  method: string;
  pattern: string;
  /** Read operations accept the QarnotReadOnlyRequestForAccount header. */
  read: boolean;
  /** Changes the saved state (`--data`): refused with a 503 while the state cannot be saved. */
  saves: boolean;
  auth: boolean;
  handler: Handler;
  segs: string[];
}

export const route = (method: string, pattern: string, handler: Handler, opts: { read?: boolean; saves?: boolean; auth?: boolean } = {}): Route => ({
  method,
  pattern,
  handler,
  read: opts.read ?? method === 'GET',
  saves: opts.saves ?? !(opts.read ?? method === 'GET'),
  auth: opts.auth ?? true,
  segs: pattern.split('/').filter(Boolean),
});

/**
 * First route whose segments match; literal routes are listed before parameterized ones.
 * A last segment `{name*}` takes the rest of the path, slashes included (secret keys).
 */
export function matchRoute(routes: Route[], method: string, path: string): { route: Route; params: Record<string, string> } | null {
  const all = path.split('/').filter(Boolean);
  for (const r of routes) {
    const rest = r.segs[r.segs.length - 1]?.endsWith('*}') === true;
    // HEAD is a GET without the body (node:http drops it): health checks and `wget --spider` use it.
    if ((r.method !== method && !(method === 'HEAD' && r.method === 'GET')) || (rest ? all.length < r.segs.length : r.segs.length !== all.length)) continue;
    const segs = rest ? [...all.slice(0, r.segs.length - 1), all.slice(r.segs.length - 1).join('/')] : all;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < segs.length; i++) {
      const p = r.segs[i]!;
      const s = segs[i]!;
      if (p.endsWith('*}')) {
        try {
          params[p.slice(1, -2)] = s.split('/').map(decodeURIComponent).join('/');
        } catch {
          ok = false;
          break;
        }
      } else if (p.startsWith('{')) {
        try {
          params[p.slice(1, -1)] = decodeURIComponent(s);
        } catch {
          ok = false;
          break;
        }
      } else if (p.toLowerCase() !== s.toLowerCase()) {
        ok = false;
        break;
      }
    }
    if (ok) return { route: r, params };
  }
  return null;
}
