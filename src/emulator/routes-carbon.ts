import { queryCi, type Ctx } from './core.js';
import { route, type Route } from './router.js';
import { findPool } from './routes-pools.js';
import { findTask } from './routes-tasks.js';
import { itEnergyWh, poolExecSeconds, round, taskExecSeconds } from './usage.js';
import { badRequest, type Obj } from './util.js';

/** The carbon service's comparison datacenters; `european_dc` is the official CLI's default. */
export const DATACENTERS: Record<string, { name: string; gramsPerKWh: number; pue: number }> = {
  european_dc: { name: 'Common European Datacenter', gramsPerKWh: 276, pue: 1.58 },
  french_dc: { name: 'Common French Datacenter', gramsPerKWh: 56, pue: 1.58 },
  american_dc: { name: 'Common American Datacenter', gramsPerKWh: 386, pue: 1.58 },
};

/** Qarnot's own site: nearly all the energy comes back as heat. */
const SITE = { pue: 1.02, erf: 0.96, wue: 0, gramsPerKWh: 56 };

/** The carbon-facts answer, in the OpenAPI's spelling (the Python SDK reads a snake_case one). */
export function carbonFacts(execSeconds: number, datacenter: string | null): Obj {
  const key = datacenter === null || datacenter === '' ? 'european_dc' : datacenter.toLowerCase();
  const dc = DATACENTERS[key];
  if (!dc) throw badRequest(`Unknown comparison datacenter '${datacenter}'. Known: ${Object.keys(DATACENTERS).join(', ')}.`);
  const it = itEnergyWh(execSeconds);
  const consumed = it * SITE.pue;
  const reused = consumed * SITE.erf;
  const footprint = (consumed / 1000) * SITE.gramsPerKWh;
  const equivalent = ((it * dc.pue) / 1000) * dc.gramsPerKWh;
  // The heat a Qarnot node gives would otherwise come from a gas boiler (~230 gCO2eq/kWh).
  const savedHeat = (reused / 1000) * 230 * 0.1;
  const savedCompute = Math.max(0, equivalent - footprint);
  const saved = savedCompute + savedHeat;
  return {
    totalConsumedEnergyWh: round(consumed),
    totalEnergyITWh: round(it),
    totalReuseEnergyWh: round(reused),
    carbonFootprintC02Eq: round(footprint),
    pue: SITE.pue,
    ere: round((consumed - reused) / it || 0),
    erf: SITE.erf,
    wue: SITE.wue,
    comparisonDataCenterName: dc.name,
    equivalentDCCarbonFootprintC02Eq: round(equivalent),
    savedCarbonFootprintComputeC02Eq: round(savedCompute),
    savedCarbonFootprintHeatC02Eq: round(savedHeat),
    savedCarbonFootprintComputeHeatC02Eq: round(saved),
    savedCarbonFootprintPercentage: equivalent > 0 ? round((100 * saved) / (equivalent + savedHeat), 1) : 0,
  };
}

function datacenterOf(ctx: Ctx): string | null {
  return queryCi(ctx.query, 'comparisonDatacenter');
}

export function carbonRoutes(): Route[] {
  return [
    route('GET', '/carbon/v1/tasks/{uuid}/carbon-facts', (ctx) => ({ json: carbonFacts(taskExecSeconds(findTask(ctx)), datacenterOf(ctx)) })),
    route('GET', '/carbon/v1/pools/{uuid}/carbon-facts', (ctx) => ({ json: carbonFacts(poolExecSeconds(ctx.acc, findPool(ctx)), datacenterOf(ctx)) })),
  ];
}
