// `task carbon` / `pool carbon` and `task credits` / `pool credits`: the same reads on two nouns.
import { CARBON_FIELDS, carbonFacts, resourceCredits, type CarbonFacts, type Resource } from '../../api/services.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { isUuid, parseUuidOrShortname, quote } from '../../lib/parse.js';
import type { Http } from '../../api/http.js';
import { getPool } from '../../api/pools.js';
import { getTask } from '../../api/tasks.js';
import { checkFields, printRecord, type Column, type View } from '../../output/print.js';

/** The official CLI's default comparison datacenter. */
export const DEFAULT_DATACENTER = 'european_dc';

export interface CarbonOptions {
  datacenter?: string;
}

const num = (v: number | null, unit = '', digits = 2) => (v === null ? '-' : `${Number(v.toFixed(digits))}${unit}`);

const carbonColumns: Column<CarbonFacts>[] = [
  { header: 'ENERGY', value: (f) => `${num(f.totalConsumedEnergyWh, ' Wh')} (IT ${num(f.totalEnergyITWh, ' Wh')}, heat reused ${num(f.totalReuseEnergyWh, ' Wh')})` },
  { header: 'FOOTPRINT', value: (f) => num(f.carbonFootprintC02Eq, ' gCO2eq') },
  { header: 'COMPARED WITH', value: (f) => `${f.comparisonDataCenterName ?? '-'}: ${num(f.equivalentDCCarbonFootprintC02Eq, ' gCO2eq')}` },
  {
    header: 'SAVED',
    value: (f) =>
      `${num(f.savedCarbonFootprintComputeHeatC02Eq, ' gCO2eq')} (${num(f.savedCarbonFootprintPercentage, '%', 1)}; compute ${num(f.savedCarbonFootprintComputeC02Eq)}, heat ${num(f.savedCarbonFootprintHeatC02Eq)})`,
  },
  { header: 'PUE', value: (f) => num(f.pue, '', 3) },
  { header: 'ERE', value: (f) => num(f.ere, '', 3) },
  { header: 'ERF', value: (f) => num(f.erf, '', 3) },
  { header: 'WUE', value: (f) => num(f.wue, ' L/kWh', 3) },
];

export function parseDatacenter(raw: string | undefined): string {
  const value = raw ?? DEFAULT_DATACENTER;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(value)) throw new UsageError(`--datacenter must be a datacenter name like ${DEFAULT_DATACENTER} (letters, digits, "_", "-"), got ${quote(value)}`);
  return value;
}

/**
 * The carbon and credits services take uuids only (their OpenAPI: format uuid; the SDKs send
 * the object's uuid): a shortname or a uuid prefix is read first, as "show" reads it.
 */
async function uuidOf(http: Http, kind: Resource, id: string): Promise<string> {
  if (isUuid(id)) return id;
  return (await (kind === 'task' ? getTask(http, id) : getPool(http, id))).uuid;
}

export async function showCarbon(ctx: Context, kind: Resource, opts: CarbonOptions, id: string): Promise<void> {
  parseUuidOrShortname('ID', id);
  const datacenter = parseDatacenter(opts.datacenter);
  const view: View<CarbonFacts> = { plural: 'carbon facts', id: () => id, columns: carbonColumns, details: carbonColumns, fields: CARBON_FIELDS };
  checkFields(ctx, view);
  const http = await ctx.api();
  printRecord(ctx, await carbonFacts(http, kind, await uuidOf(http, kind, id), datacenter), view);
}

export async function showCredits(ctx: Context, kind: Resource, id: string): Promise<void> {
  parseUuidOrShortname('ID', id);
  checkFields(ctx, creditsView);
  const http = await ctx.api();
  const uuid = await uuidOf(http, kind, id);
  const { credits } = await resourceCredits(http, kind, uuid);
  printCredits(ctx, { [kind]: uuid, credits });
}

const creditsColumns: Column<{ credits: number }>[] = [{ header: 'CREDITS', value: (c) => formatEuros(c.credits) }];
// --fields: the JSON fields of the record (credits, and task or pool), or the column.
const creditsView: View<{ credits: number }> = { plural: 'credits', id: (c) => String(c.credits), columns: creditsColumns, details: creditsColumns, fields: ['credits', 'task', 'pool'] };

/** Euros for people; the number itself with --json and -q. */
export function printCredits(ctx: Context, record: { credits: number }): void {
  printRecord(ctx, record, creditsView);
}

export const formatEuros = (euros: number | null | undefined): string =>
  euros === null || euros === undefined ? '-' : `${euros < 0.01 && euros > 0 ? euros.toFixed(4) : euros.toFixed(2)} €`;
