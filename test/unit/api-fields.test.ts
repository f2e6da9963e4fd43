import { describe, expect, it } from 'vitest';
import { normalizeCarbonFacts } from '../../src/api/services.js';
import type { Http } from '../../src/api/http.js';
import { quotaRows } from '../../src/commands/account/quotas.js';
import { applyApiFieldFlags, parseAfter } from '../../src/commands/shared/api-body.js';
import { ApiError } from '../../src/errors.js';

describe('carbon facts: both spellings', () => {
  const figures = [306.043, 300.064, 294.041, 17.7, 'Common European Datacenter', 84.5, 66.8, 17.1, 83.8, 17.7, 1.001, 0.036, 0.964, 0] as const;
  const expected = {
    totalConsumedEnergyWh: 306.043,
    totalEnergyITWh: 300.064,
    totalReuseEnergyWh: 294.041,
    carbonFootprintC02Eq: 17.7,
    comparisonDataCenterName: 'Common European Datacenter',
    equivalentDCCarbonFootprintC02Eq: 84.5,
    savedCarbonFootprintComputeC02Eq: 66.8,
    savedCarbonFootprintHeatC02Eq: 17.1,
    savedCarbonFootprintComputeHeatC02Eq: 83.8,
    savedCarbonFootprintPercentage: 17.7,
    pue: 1.001,
    ere: 0.036,
    erf: 0.964,
    wue: 0,
  };

  it('reads the OpenAPI names', () => {
    const openapi = Object.fromEntries(Object.keys(expected).map((k, i) => [k, figures[i]]));
    expect(normalizeCarbonFacts(openapi)).toEqual(expected);
  });

  it("reads the Python SDK's names (its from_json keys), in any case", () => {
    const python = {
      total_consumed_energy_Wh: 306.043,
      total_energy_it_Wh: 300.064,
      total_reused_energy_Wh: 294.041,
      qarnot_carbon_footprint: 17.7,
      equivalent_datacenter_name: 'Common European Datacenter',
      equivalent_DC_carbon_footprint: 84.5,
      saved_carbon_footprint_compute: 66.8,
      saved_carbon_footprint_heat: 17.1,
      saved_carbon_footprint_compute_heat: 83.8,
      saved_carbon_footprint_percent: 17.7,
      PUE: 1.001,
      ERE: 0.036,
      ERF: 0.964,
      wue: 0,
    };
    expect(normalizeCarbonFacts(python)).toEqual(expected);
  });

  it('a missing figure is null, never undefined', () => {
    const facts = normalizeCarbonFacts({ pue: 1.2 });
    expect(facts.pue).toBe(1.2);
    expect(facts.totalEnergyITWh).toBeNull();
  });
});

describe('today\'s create flags', () => {
  it('--after: a task and its final states', () => {
    expect(parseAfter('a:success')).toEqual({ taskUuid: 'a', taskFinalStateCondition: ['success'] });
    expect(parseAfter('7b3c0e1e-0000-4000-8000-000000000000:Failure|cancelled,failure')).toEqual({
      taskUuid: '7b3c0e1e-0000-4000-8000-000000000000',
      taskFinalStateCondition: ['failure', 'cancelled'],
    });
    expect(() => parseAfter(':success')).toThrow(/--after/);
    expect(() => parseAfter('a:')).toThrow(/--after/);
  });

  it('adds fields without losing the ones other flags set', () => {
    const body: Record<string, unknown> = { dependencies: { dependsOn: ['x'] }, schedulingType: 'reserved' };
    applyApiFieldFlags(body, { after: ['y:success'], reservation: 'r1', forward: ['8080', '443:https'], maxQueueTime: '90s', secretPrefix: ['p/'] }, 'task');
    expect(body).toEqual({
      dependencies: { dependsOn: ['x'], advancedDependsOn: [{ taskUuid: 'y', taskFinalStateCondition: ['success'] }] },
      schedulingType: 'reserved',
      targetedReservationName: 'r1',
      forcedNetworkRules: [
        { inbound: true, proto: 'tcp', port: '8080' },
        { inbound: true, proto: 'tcp', port: '443', name: 'https', applicationType: 'https' },
      ],
      maxTimeQueueSeconds: 90,
      secretsAccessRights: { bySecret: [], byPrefix: [{ prefix: 'p/' }] },
    });
  });
});

describe('quota rows', () => {
  const usage = (max: number, running: number) => ({ maxInstances: max, maxCores: max * 8, runningInstancesCount: running, runningCoreCount: running * 8 });

  it('come from /info, reading either spelling of the running cores', async () => {
    const http = { json: () => Promise.reject(new Error('no request expected')) } as unknown as Http;
    const info = {
      email: 'a@b',
      computingQuotas: {
        user: { flex: usage(10, 2), onDemand: { ...usage(4, 1), runningCoresCount: 99 }, reserved: [{ ...usage(2, 0), reservationName: 'res-1' }] },
        organization: null,
      },
    };
    expect(await quotaRows(http, info)).toEqual([
      { scope: 'user', scheduling: 'flex', runningInstances: 2, maxInstances: 10, runningCores: 16, maxCores: 80 },
      { scope: 'user', scheduling: 'onDemand', runningInstances: 1, maxInstances: 4, runningCores: 99, maxCores: 32 },
      { scope: 'user', scheduling: 'reserved res-1', runningInstances: 0, maxInstances: 2, runningCores: 0, maxCores: 16 },
    ]);
  });

  it('come from the quotas endpoints when /info has none; a missing endpoint is no row', async () => {
    const paths: string[] = [];
    const http = {
      json: ({ path }: { path: string }) => {
        paths.push(path);
        if (path.endsWith('/user')) return Promise.resolve({ flex: usage(3, 1) });
        return Promise.reject(new ApiError('not found', 404, 'GET', path));
      },
    } as unknown as Http;
    expect(await quotaRows(http, { email: 'a@b' })).toEqual([{ scope: 'user', scheduling: 'flex', runningInstances: 1, maxInstances: 3, runningCores: 8, maxCores: 24 }]);
    expect(paths.sort()).toEqual(['/quotas/computing-quotas/organization', '/quotas/computing-quotas/user']);
  });
});
