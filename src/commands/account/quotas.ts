// Computing quotas (flex, on-demand, reserved; user and organization) as rows.
import type { Http } from '../../api/http.js';
import { anObject, orNothing } from '../../api/answers.js';
import { ApiError } from '../../errors.js';
import type { UserInfo } from '../../api/types.js';

export interface QuotaRow {
  scope: 'user' | 'organization';
  scheduling: string;
  runningInstances: number | null;
  maxInstances: number | null;
  runningCores: number | null;
  maxCores: number | null;
}

type Usage = Record<string, unknown> | null | undefined;
type Scope = { flex?: Usage; onDemand?: Usage; reserved?: Usage[] | null } | null | undefined;

const n = (v: unknown) => (typeof v === 'number' ? v : null);

function row(scope: QuotaRow['scope'], scheduling: string, u: Usage): QuotaRow | null {
  if (!u || typeof u !== 'object') return null;
  return {
    scope,
    scheduling,
    runningInstances: n(u.runningInstancesCount),
    maxInstances: n(u.maxInstances),
    // The OpenAPI spells runningCoreCount, the SDKs read runningCoresCount.
    runningCores: n(u.runningCoresCount) ?? n(u.runningCoreCount),
    maxCores: n(u.maxCores),
  };
}

function rowsOf(scope: QuotaRow['scope'], s: Scope): QuotaRow[] {
  if (!s || typeof s !== 'object') return [];
  const reserved = (s.reserved ?? []).map((r) => row(scope, `reserved ${String(r?.reservationName ?? r?.machineKey ?? '')}`.trim(), r));
  return [row(scope, 'flex', s.flex), row(scope, 'onDemand', s.onDemand), ...reserved].filter((r): r is QuotaRow => r !== null);
}

/** From /info's computingQuotas; from the quotas endpoints when /info has none (older APIs). */
export async function quotaRows(http: Http, info: UserInfo): Promise<QuotaRow[]> {
  let quotas = info.computingQuotas as { user?: Scope; organization?: Scope } | null | undefined;
  if (!quotas) {
    const read = (path: string) =>
      http.json<Scope>({ method: 'GET', path, retry: 'idempotent', read: true, answer: orNothing(anObject) }).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      });
    const [user, organization] = await Promise.all([read('/quotas/computing-quotas/user'), read('/quotas/computing-quotas/organization')]);
    quotas = { user, organization };
  }
  return [...rowsOf('user', quotas.user), ...rowsOf('organization', quotas.organization)];
}

export const usedOf = (used: number | null, max: number | null): string => `${used ?? 0} / ${max ?? '-'}`;
