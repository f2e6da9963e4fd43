import type { Account } from './store.js';
import { creditsFor, derivedUuid, poolExecSeconds, taskExecSeconds } from './usage.js';
import type { Obj } from './util.js';

// Every emulated account belongs to one organization with two projects: its default
// project (where resources without projectUuid are counted) and "research".

export const ORGANIZATION_NAME = 'Emulated organization';
/** The account's starting balance, in euros. */
const ACCOUNT_CREDITS = 1000;
const DAY = 86_400_000;

export interface Project {
  uuid: string;
  slug: string;
  name: string;
  organizationUuid: string;
  description: string;
  isDefault: boolean;
}

export function projectsOf(acc: Account): Project[] {
  const org = derivedUuid(`org:${acc.email}`);
  const make = (slug: string, name: string, description: string, isDefault: boolean): Project => ({
    uuid: derivedUuid(`project:${acc.email}:${slug}`),
    slug,
    name,
    organizationUuid: org,
    description,
    isDefault,
  });
  return [make('default', 'Default project', 'Resources created without a project', true), make('research', 'Research', 'An emulated second project', false)];
}

/** Euros spent by the account's tasks and pools (in one project when given). */
export function spentEuros(acc: Account, project?: Project): number {
  const inProject = (uuid: unknown) => !project || (typeof uuid === 'string' && uuid !== '' ? uuid === project.uuid : project.isDefault);
  let seconds = 0;
  for (const t of acc.tasks.values()) if (!t.poolUuid && inProject(t.input.projectUuid)) seconds += taskExecSeconds(t);
  for (const p of acc.pools.values()) if (inProject(p.input.projectUuid)) seconds += poolExecSeconds(acc, p);
  return creditsFor(seconds);
}

export const accountCredits = (acc: Account): number => Math.max(0, Math.round((ACCOUNT_CREDITS - spentEuros(acc)) * 1e6) / 1e6);

/** One active budget per project and one past, archived one. */
export function budgetsOf(acc: Account, project: Project, now = Date.now()): Obj[] {
  const consumed = Math.round(spentEuros(acc, project) * 100);
  const start = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), 1);
  const total = project.isDefault ? 50_000 : 20_000;
  return [
    {
      uuid: derivedUuid(`budget:${project.uuid}:current`),
      alias: `${project.slug} monthly`,
      consumedAmountInCents: consumed,
      totalAmountInCents: total,
      remainingAmountInCents: Math.max(0, total - consumed),
      budgetOverrunPolicy: project.isDefault ? 'AlertOnly' : 'BlockNew',
      startDateUtc: new Date(start).toISOString(),
      expirationDateUtc: new Date(start + 31 * DAY).toISOString(),
      isArchived: false,
    },
    {
      uuid: derivedUuid(`budget:${project.uuid}:previous`),
      alias: `${project.slug} pilot`,
      consumedAmountInCents: 1234,
      totalAmountInCents: 10_000,
      remainingAmountInCents: 8766,
      budgetOverrunPolicy: 'StopAndBlockAll',
      startDateUtc: new Date(start - 62 * DAY).toISOString(),
      expirationDateUtc: new Date(start - 31 * DAY).toISOString(),
      isArchived: true,
    },
  ];
}
