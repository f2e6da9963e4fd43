import { apiStatus, checkAuth } from '../../api/account.js';
import type { Context } from '../../context.js';
import { printRecord, type Column } from '../../output/print.js';

interface ServiceStatus {
  apiUrl: string;
  profile: string;
  authenticated: boolean;
  latencyMs: number;
  service?: Record<string, unknown>;
}

const columns: Column<ServiceStatus>[] = [
  { header: 'API', value: (s) => s.apiUrl },
  { header: 'PROFILE', value: (s) => s.profile },
  { header: 'AUTHENTICATED', value: (s) => (s.authenticated ? 'yes' : 'no') },
  { header: 'LATENCY', value: (s) => `${s.latencyMs} ms` },
  { header: 'SERVICE', value: (s) => (s.service ? Object.entries(s.service).map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join(' ') : '') },
];

/** GET / checks the token; GET /status adds the service's own view when it exists. */
export async function run(ctx: Context): Promise<void> {
  const http = await ctx.api();
  const started = performance.now();
  await checkAuth(http, http.connection.apiUrl);
  const latencyMs = Math.round(performance.now() - started);
  let service: Record<string, unknown> | undefined;
  try {
    service = await apiStatus(http);
  } catch {
    service = undefined; // not every deployment has /status
  }
  const status: ServiceStatus = { apiUrl: http.connection.apiUrl, profile: http.connection.profile, authenticated: true, latencyMs, service };
  printRecord(ctx, status, { plural: 'statuses', id: (s) => s.apiUrl, columns, details: columns });
}
