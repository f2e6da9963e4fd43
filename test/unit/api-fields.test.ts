import { describe, expect, it } from 'vitest';
import { normalizeCarbonFacts } from '../../src/api/services.js';
import { applyApiFieldFlags, parseAfter } from '../../src/commands/shared/api-body.js';

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
