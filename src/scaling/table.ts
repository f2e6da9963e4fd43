import type { View } from '../output/print.js';
import { formatWeekly } from './weekly.js';

type Obj = Record<string, unknown>;

/** One line of `pool scaling get`: a policy, its settings and when it applies. */
export interface ScalingRow {
  active: boolean;
  name: string;
  type: string;
  slots: string;
  settings: string;
  periods: string;
}

const get = (o: Obj, key: string): unknown => o[key] ?? o[Object.keys(o).find((k) => k.toLowerCase() === key.toLowerCase()) ?? ''];

export function describePeriod(period: Obj): string {
  const type = String(get(period, 'type') ?? '');
  const name = get(period, 'name');
  const label = typeof name === 'string' && name !== '' ? ` (${name})` : '';
  if (type.toLowerCase() === 'always') return `always${label}`;
  if (type.toLowerCase() === 'weekly') {
    return `${formatWeekly({ days: get(period, 'days') as string[] | undefined, startTimeUtc: get(period, 'startTimeUtc') as string, endTimeUtc: get(period, 'endTimeUtc') as string })} UTC${label}`;
  }
  return type;
}

export function scalingRows(scaling: { policies?: unknown[]; activePolicyName?: string | null }): ScalingRow[] {
  return (scaling.policies ?? []).map((raw) => {
    const p = (raw ?? {}) as Obj;
    const type = String(get(p, 'type') ?? '');
    const name = String(get(p, 'name') ?? '');
    const managed = type.toLowerCase() === 'managedtasksqueue';
    const periods = (get(p, 'enabledPeriods') as Obj[] | undefined) ?? [];
    return {
      active: scaling.activePolicyName != null && scaling.activePolicyName === name,
      name,
      type: managed ? 'Managed' : type,
      slots: managed ? `${get(p, 'minTotalSlots') ?? 0}-${get(p, 'maxTotalSlots') ?? 0}` : String(get(p, 'slotsCount') ?? ''),
      settings: managed ? `idle=${get(p, 'minIdleSlots') ?? 0} idle-time=${get(p, 'minIdleTimeSeconds') ?? 0}s factor=${get(p, 'scalingFactor') ?? ''}` : '',
      periods: periods.map(describePeriod).join('; '),
    };
  });
}

export const scalingView: View<ScalingRow> = {
  plural: 'scaling policies',
  id: (r) => r.name,
  columns: [
    { header: 'ACTIVE', value: (r) => (r.active ? '*' : '') },
    { header: 'POLICY', value: (r) => r.name, flexible: true },
    { header: 'TYPE', value: (r) => r.type },
    { header: 'SLOTS', value: (r) => r.slots },
    { header: 'SETTINGS', value: (r) => r.settings },
    { header: 'PERIODS', value: (r) => r.periods, flexible: true },
  ],
};
