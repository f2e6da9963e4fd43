import { createHash } from 'node:crypto';
import type { PoolRec, TaskRec } from './model.js';
import { FAKE_MACHINE } from './profiles.js';
import { taskView } from './serialize.js';
import type { Account } from './store.js';

// What the carbon and credits services derive from: the instances' real execution time.
// The rates are plausible orders of magnitude, not Qarnot's tariff.

/** Electrical power of one emulated node while it computes. */
const NODE_WATTS = 250;
/** Price of one core-hour, in euros. */
const EUROS_PER_CORE_HOUR = 0.03;

export const taskExecSeconds = (t: TaskRec, now = Date.now()): number => taskView(t, now).execMs / 1000;

/** A pool's work is that of the tasks that ran on it. */
export function poolExecSeconds(acc: Account, p: PoolRec, now = Date.now()): number {
  let s = 0;
  for (const t of acc.tasks.values()) if (t.poolUuid === p.uuid) s += taskExecSeconds(t, now);
  return s;
}

export const itEnergyWh = (execSeconds: number): number => (execSeconds * NODE_WATTS) / 3600;

export const creditsFor = (execSeconds: number): number => round((execSeconds / 3600) * FAKE_MACHINE.coreCount * EUROS_PER_CORE_HOUR, 6);

export const round = (v: number, digits = 3): number => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};

/** A stable uuid derived from text: the same account always gets the same projects. */
export function derivedUuid(text: string): string {
  const h = createHash('sha1').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
