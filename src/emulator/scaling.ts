import { ci, isObj, matchEnum, type Obj } from './util.js';

export const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const TIME_RE = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?$/;

/** Seconds since midnight, or null when not `hh:mm:ss[.fffffff]` or out of range. */
function parseTimeOfDay(v: unknown): number | null {
  if (typeof v !== 'string') return null;
  const m = TIME_RE.exec(v);
  if (!m) return null;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  const s = Number(m[3]);
  if (h > 23 || mi > 59 || s > 59) return null;
  return h * 3600 + mi * 60 + s + (m[4] ? Number(`0.${m[4]}`) : 0);
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Validates a ScalingInput and returns every problem keyed by its JSON path
 * (the sanity-check endpoint answers all of them at once).
 */
export function checkScaling(input: unknown): { errors: Record<string, string[]>; normalized: { policies: Obj[] } } {
  const errors: Record<string, string[]> = {};
  const add = (path: string, msg: string) => (errors[path] ??= []).push(msg);
  const normalized: Obj[] = [];
  if (!isObj(input)) {
    add('policies', 'The scaling body must be an object with a "policies" array.');
    return { errors, normalized: { policies: [] } };
  }
  const policies = ci(input, 'policies');
  if (!Array.isArray(policies)) {
    add('policies', 'The policies field is required and must be an array.');
    return { errors, normalized: { policies: [] } };
  }
  const names = new Set<string>();
  policies.forEach((p, i) => {
    const at = `policies[${i}]`;
    if (!isObj(p)) {
      add(at, 'A policy must be an object.');
      return;
    }
    const name = ci(p, 'name');
    if (typeof name !== 'string' || name.trim() === '') add(`${at}.name`, 'The policy name is required.');
    else if (names.has(name)) add(`${at}.name`, `The policy name '${name}' is used more than once.`);
    else names.add(name);
    const type = matchEnum(ci(p, 'type'), ['Fixed', 'ManagedTasksQueue'] as const);
    const out: Obj = { type: type ?? ci(p, 'type') ?? null, name: name ?? null };
    if (!type) add(`${at}.type`, "The policy type must be 'Fixed' or 'ManagedTasksQueue'.");
    if (type === 'Fixed') {
      const slots = ci(p, 'slotsCount');
      if (!isInt(slots) || slots < 0) add(`${at}.slotsCount`, 'slotsCount must be an integer greater than or equal to 0.');
      out.slotsCount = slots ?? null;
    } else if (type === 'ManagedTasksQueue') {
      const min = ci(p, 'minTotalSlots') ?? 0;
      const max = ci(p, 'maxTotalSlots') ?? 0;
      const idle = ci(p, 'minIdleSlots') ?? 0;
      const idleTime = ci(p, 'minIdleTimeSeconds') ?? 90;
      const factor = ci(p, 'scalingFactor') ?? 0.2;
      if (!isInt(min) || min < 0) add(`${at}.minTotalSlots`, 'minTotalSlots must be an integer greater than or equal to 0.');
      if (!isInt(max) || (isInt(min) && max < min)) add(`${at}.maxTotalSlots`, 'maxTotalSlots must be an integer greater than or equal to minTotalSlots.');
      if (!isInt(idle) || idle < 0 || (isInt(max) && idle > max)) add(`${at}.minIdleSlots`, 'minIdleSlots must be an integer between 0 and maxTotalSlots.');
      if (!isInt(idleTime) || idleTime < 0) add(`${at}.minIdleTimeSeconds`, 'minIdleTimeSeconds must be an integer greater than or equal to 0.');
      if (!isNum(factor) || factor <= 0 || factor > 1) add(`${at}.scalingFactor`, 'scalingFactor must be greater than 0 and less than or equal to 1.');
      Object.assign(out, { minTotalSlots: min, maxTotalSlots: max, minIdleSlots: idle, minIdleTimeSeconds: idleTime, scalingFactor: factor });
    }
    const periods = ci(p, 'enabledPeriods');
    const outPeriods: Obj[] = [];
    if (!Array.isArray(periods) || periods.length === 0) {
      add(`${at}.enabledPeriods`, 'At least one enabled period is required.');
    } else {
      periods.forEach((per, j) => {
        const pat = `${at}.enabledPeriods[${j}]`;
        if (!isObj(per)) {
          add(pat, 'A period must be an object.');
          return;
        }
        const ptype = matchEnum(ci(per, 'type'), ['Always', 'Weekly'] as const);
        const pout: Obj = { type: ptype ?? ci(per, 'type') ?? null, name: ci(per, 'name') ?? null };
        if (!ptype) add(`${pat}.type`, "The period type must be 'Always' or 'Weekly'.");
        if (ptype === 'Weekly') {
          const days = ci(per, 'days');
          const outDays: string[] = [];
          if (!Array.isArray(days) || days.length === 0) add(`${pat}.days`, 'A weekly period needs at least one day.');
          else
            days.forEach((d, k) => {
              const day = matchEnum(d, DAYS);
              if (!day) add(`${pat}.days[${k}]`, `'${String(d)}' is not a day of the week (sunday..saturday).`);
              else outDays.push(day);
            });
          const startRaw = ci(per, 'startTimeUtc');
          const endRaw = ci(per, 'endTimeUtc');
          const start = parseTimeOfDay(startRaw);
          const end = parseTimeOfDay(endRaw);
          if (start === null) add(`${pat}.startTimeUtc`, 'startTimeUtc must be a time of day formatted hh:mm:ss[.fffffff].');
          if (end === null) add(`${pat}.endTimeUtc`, 'endTimeUtc must be a time of day formatted hh:mm:ss[.fffffff].');
          if (start !== null && end !== null && start >= end) add(`${pat}.endTimeUtc`, 'endTimeUtc must be after startTimeUtc.');
          Object.assign(pout, { days: outDays, startTimeUtc: startRaw ?? null, endTimeUtc: endRaw ?? null });
        }
        outPeriods.push(pout);
      });
    }
    out.enabledPeriods = outPeriods;
    normalized.push(out);
  });
  return { errors, normalized: { policies: normalized } };
}

function periodMatches(period: Obj, now: Date): boolean {
  if (period.type === 'Always') return true;
  if (period.type !== 'Weekly') return false;
  const day = DAYS[now.getUTCDay()]!;
  if (!Array.isArray(period.days) || !period.days.includes(day)) return false;
  const t = now.getUTCHours() * 3600 + now.getUTCMinutes() * 60 + now.getUTCSeconds() + now.getUTCMilliseconds() / 1000;
  const start = parseTimeOfDay(period.startTimeUtc);
  const end = parseTimeOfDay(period.endTimeUtc);
  return start !== null && end !== null && t >= start && t <= end;
}

/** The first policy having a period that matches now. */
export function activePolicyName(policies: Obj[], now = new Date()): string | null {
  for (const p of policies) {
    const periods = Array.isArray(p.enabledPeriods) ? (p.enabledPeriods as Obj[]) : [];
    if (periods.some((per) => periodMatches(per, now))) return typeof p.name === 'string' ? p.name : null;
  }
  return null;
}
