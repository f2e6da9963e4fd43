// The services Qarnot serves beside the compute API (the SDKs call them on the same host):
// carbon facts, credits and project budgets, computing quotas. Typed reads, nothing else.
import { UsageError } from '../errors.js';
import type { Http } from './http.js';
import { anObject, orNothing } from './answers.js';

export type Resource = 'task' | 'pool';

const notFound = (kind: string, id: string) => `${kind} "${id}" not found`;

/** Carbon facts as the API sends them: the OpenAPI spells camelCase, the Python SDK snake_case. */
export type RawCarbonFacts = Record<string, unknown>;

export interface CarbonFacts {
  totalConsumedEnergyWh: number | null;
  totalEnergyITWh: number | null;
  totalReuseEnergyWh: number | null;
  carbonFootprintC02Eq: number | null;
  comparisonDataCenterName: string | null;
  equivalentDCCarbonFootprintC02Eq: number | null;
  savedCarbonFootprintComputeC02Eq: number | null;
  savedCarbonFootprintHeatC02Eq: number | null;
  savedCarbonFootprintComputeHeatC02Eq: number | null;
  savedCarbonFootprintPercentage: number | null;
  pue: number | null;
  ere: number | null;
  erf: number | null;
  wue: number | null;
}

/** Each field under its OpenAPI name, then the names the Python SDK reads. */
const CARBON_ALIASES: Record<keyof CarbonFacts, string[]> = {
  totalConsumedEnergyWh: ['total_consumed_energy_Wh'],
  totalEnergyITWh: ['total_energy_it_Wh'],
  totalReuseEnergyWh: ['total_reused_energy_Wh', 'totalReusedEnergyWh'],
  carbonFootprintC02Eq: ['qarnot_carbon_footprint', 'carbonFootprintCO2Eq'],
  comparisonDataCenterName: ['equivalent_datacenter_name', 'comparisonDatacenterName'],
  equivalentDCCarbonFootprintC02Eq: ['equivalent_DC_carbon_footprint'],
  savedCarbonFootprintComputeC02Eq: ['saved_carbon_footprint_compute'],
  savedCarbonFootprintHeatC02Eq: ['saved_carbon_footprint_heat'],
  savedCarbonFootprintComputeHeatC02Eq: ['saved_carbon_footprint_compute_heat'],
  savedCarbonFootprintPercentage: ['saved_carbon_footprint_percent', 'savedCarbonFootprintPercent'],
  pue: ['PUE'],
  ere: ['ERE'],
  erf: ['ERF'],
  wue: ['WUE'],
};

/** The fields of CarbonFacts, as printed with --json (for --fields). */
export const CARBON_FIELDS = Object.keys(CARBON_ALIASES);

/** Reads either spelling (and any letter case) into one shape; a missing figure is null. */
export function normalizeCarbonFacts(raw: RawCarbonFacts): CarbonFacts {
  const lower = new Map(Object.entries(raw).map(([k, v]) => [k.toLowerCase(), v]));
  const out = {} as Record<string, unknown>;
  for (const [key, aliases] of Object.entries(CARBON_ALIASES)) {
    const value = [key, ...aliases].map((k) => lower.get(k.toLowerCase())).find((v) => v !== undefined && v !== null);
    out[key] = value ?? null;
  }
  return out as unknown as CarbonFacts;
}

export async function carbonFacts(http: Http, kind: Resource, id: string, datacenter: string): Promise<CarbonFacts> {
  const raw = await http.json<RawCarbonFacts>({
    method: 'GET',
    path: `/carbon/v1/${kind}s/${encodeURIComponent(id)}/carbon-facts`,
    query: { comparisonDatacenter: datacenter },
    retry: 'idempotent',
    read: true,
    notFound: notFound(kind, id),
  });
  return normalizeCarbonFacts(raw);
}

/** Credits in euros. */
export interface Credits {
  credits: number;
}

export function resourceCredits(http: Http, kind: Resource, id: string): Promise<Credits> {
  return http.json({ method: 'GET', path: `/credits/v1/${kind}s/${encodeURIComponent(id)}/credits`, retry: 'idempotent', read: true, notFound: notFound(kind, id) });
}

export function accountCredits(http: Http): Promise<Credits> {
  return http.json({ method: 'GET', path: '/credits/v1/accounts/credits', retry: 'idempotent', read: true });
}

export interface Project {
  uuid: string;
  slug: string | null;
  name: string | null;
  organizationUuid: string | null;
  description: string | null;
  isDefault: boolean | null;
}

export interface Budget {
  uuid: string;
  alias: string | null;
  consumedAmountInCents: number | null;
  totalAmountInCents: number | null;
  remainingAmountInCents: number | null;
  budgetOverrunPolicy: string | null;
  startDateUtc: string | null;
  expirationDateUtc: string | null;
  isArchived: boolean | null;
}

export async function projectBudgets(http: Http, projectUuid: string, activeOnly: boolean): Promise<Budget[]> {
  const page = await http.json<{ budgets?: Budget[] | null } | null>({
    method: 'GET',
    path: `/credits/v1/projects/${encodeURIComponent(projectUuid)}/budgets`,
    // The Python SDK sends Python's spelling of booleans: True / False.
    query: { activeOnly: activeOnly ? 'True' : 'False' },
    retry: 'idempotent',
    read: true,
    notFound: `project "${projectUuid}" not found; list them with "qarnot project list"`,
    answer: orNothing(anObject),
  });
  return (page?.budgets ?? []).filter((b): b is Budget => b !== null);
}

/** The account's projects, as GET /info lists them (empty on an API without projects). */
export async function listProjects(http: Http): Promise<Project[]> {
  const info = await http.json<{ projects?: Project[] | null }>({ method: 'GET', path: '/info', retry: 'idempotent', read: true });
  return (info.projects ?? []).filter((p): p is Project => p !== null && typeof p === 'object');
}

/** A project by uuid, slug or name (in that order), or undefined. */
export function findProject(projects: readonly Project[], ref: string): Project | undefined {
  const lower = ref.toLowerCase();
  const byId = projects.find((p) => p.uuid.toLowerCase() === lower) ?? projects.find((p) => p.slug === ref);
  if (byId) return byId;
  // Names are not unique: charging the first of two projects of that name would be a guess.
  for (const named of [projects.filter((p) => p.name === ref), projects.filter((p) => p.name?.toLowerCase() === lower)]) {
    if (named.length > 1) {
      throw new UsageError(`project name ${JSON.stringify(ref)} is ambiguous: ${named.length} projects have it (slugs ${named.map((p) => p.slug ?? p.uuid).join(', ')}); give the slug or uuid`);
    }
    if (named.length === 1) return named[0];
  }
  return undefined;
}
