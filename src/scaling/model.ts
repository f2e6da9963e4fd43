/**
 * The API's scaling shapes (api-notes §2.9). Policies and periods are told
 * apart by their `type`; the first policy with a period matching "now" is
 * the active one.
 */
export const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Day = (typeof DAYS)[number];

export interface AlwaysPeriod {
  type: 'Always';
  name: string | null;
}

export interface WeeklyPeriod {
  type: 'Weekly';
  name: string | null;
  /** Lowercase day names; unknown words are kept as typed so the check can point at them. */
  days: string[];
  startTimeUtc: string;
  endTimeUtc: string;
}

export type Period = AlwaysPeriod | WeeklyPeriod;

export interface FixedPolicy {
  type: 'Fixed';
  name: string;
  enabledPeriods: Period[];
  slotsCount: number;
}

export interface ManagedPolicy {
  type: 'ManagedTasksQueue';
  name: string;
  enabledPeriods: Period[];
  minTotalSlots: number;
  maxTotalSlots: number;
  minIdleSlots: number;
  minIdleTimeSeconds: number;
  scalingFactor: number;
}

export type Policy = FixedPolicy | ManagedPolicy;

/** What PUT /pools/{id}/scaling and the sanity check take. */
export interface ScalingInput {
  policies: Policy[];
}

/** One problem, at a JSON path like `policies[0].enabledPeriods[1].days[0]`. */
export interface Problem {
  path: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  return p.path ? `${p.path}: ${p.message}` : p.message;
}

/** The end of a day as the API writes it. */
export const END_OF_DAY = '23:59:59.9999999';
