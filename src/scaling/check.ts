import { DAYS, type Problem } from './model.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const show = (v: unknown) => JSON.stringify(v) ?? String(v);

/** The API binds property names case-insensitively (api-notes §0); so do we. */
function field(o: Obj, name: string): unknown {
  if (name in o) return o[name];
  const key = Object.keys(o).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : o[key];
}

const TIME_RE = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?$/;

/** Seconds since midnight, or undefined when not a valid `hh:mm:ss[.fffffff]`. */
function seconds(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  const m = TIME_RE.exec(v);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59 || Number(m[3]) > 59) return undefined;
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) + (m[4] ? Number(`0.${m[4]}`) : 0);
}

const sameText = (v: unknown, ...names: string[]) => typeof v === 'string' && names.some((n) => n.toLowerCase() === v.toLowerCase());

/**
 * The obvious mistakes in a scaling body, found without the API: unknown
 * days, end before start, min above max, factor outside (0, 1], missing
 * periods, bad types. Paths follow the sanity-check endpoint's style.
 */
export function checkScaling(input: unknown): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const policies = isObj(input) ? field(input, 'policies') : undefined;
  if (!Array.isArray(policies)) {
    add('policies', 'a list of policies is required');
    return problems;
  }
  const names = new Map<string, number>();
  policies.forEach((policy: unknown, i) => {
    const at = `policies[${i}]`;
    if (!isObj(policy)) return add(at, 'a policy must be an object');
    const name = field(policy, 'name');
    if (typeof name !== 'string' || name.trim() === '') add(`${at}.name`, 'a policy needs a name');
    else if (names.has(name)) add(`${at}.name`, `the name "${name}" is already used by policies[${names.get(name)}]`);
    else names.set(name, i);
    checkPolicySettings(policy, at, add);
    const periods = field(policy, 'enabledPeriods');
    if (!Array.isArray(periods) || periods.length === 0) {
      add(`${at}.enabledPeriods`, 'at least one period is required (--always or --weekly after the policy)');
      return;
    }
    periods.forEach((period: unknown, j) => checkPeriod(period, `${at}.enabledPeriods[${j}]`, add));
  });
  return problems;
}

function checkPolicySettings(policy: Obj, at: string, add: (path: string, message: string) => void): void {
  const type = field(policy, 'type');
  if (sameText(type, 'Fixed')) {
    const slots = field(policy, 'slotsCount');
    if (!isInt(slots) || slots < 0) add(`${at}.slotsCount`, `must be an integer >= 0, got ${show(slots)}`);
    return;
  }
  if (!sameText(type, 'ManagedTasksQueue')) {
    add(`${at}.type`, `must be Fixed or ManagedTasksQueue, got ${show(type)}`);
    return;
  }
  const get = (key: string, fallback: number) => field(policy, key) ?? fallback;
  const min = get('minTotalSlots', 0);
  const max = get('maxTotalSlots', 0);
  const idle = get('minIdleSlots', 0);
  const idleTime = get('minIdleTimeSeconds', 90);
  const factor = get('scalingFactor', 0.2);
  if (!isInt(min) || min < 0) add(`${at}.minTotalSlots`, `must be an integer >= 0, got ${show(min)}`);
  if (!isInt(max) || max < 0) add(`${at}.maxTotalSlots`, `must be an integer >= 0, got ${show(max)}`);
  else if (isInt(min) && min > max) add(`${at}.minTotalSlots`, `min ${min} is above max ${max}`);
  if (!isInt(idle) || idle < 0) add(`${at}.minIdleSlots`, `must be an integer >= 0, got ${show(idle)}`);
  else if (isInt(max) && idle > max) add(`${at}.minIdleSlots`, `idle ${idle} is above max ${max}`);
  if (!isInt(idleTime) || idleTime < 0) add(`${at}.minIdleTimeSeconds`, `must be a whole number of seconds >= 0, got ${show(idleTime)}`);
  if (!isNum(factor) || factor <= 0 || factor > 1) add(`${at}.scalingFactor`, `must be greater than 0 and at most 1, got ${show(factor)}`);
}

function checkPeriod(period: unknown, at: string, add: (path: string, message: string) => void): void {
  if (!isObj(period)) return add(at, 'a period must be an object');
  const type = field(period, 'type');
  if (sameText(type, 'Always')) return;
  if (!sameText(type, 'Weekly')) return add(`${at}.type`, `must be Always or Weekly, got ${show(type)}`);
  const days = field(period, 'days');
  if (!Array.isArray(days) || days.length === 0) add(`${at}.days`, 'a weekly period needs at least one day');
  else
    days.forEach((d: unknown, k) => {
      if (!DAYS.some((day) => sameText(d, day))) add(`${at}.days[${k}]`, `${show(d)} is not a day of the week (monday..sunday)`);
    });
  const startRaw = field(period, 'startTimeUtc');
  const endRaw = field(period, 'endTimeUtc');
  const start = seconds(startRaw);
  const end = seconds(endRaw);
  if (start === undefined) add(`${at}.startTimeUtc`, `must be a UTC time of day hh:mm:ss, got ${show(startRaw)}`);
  if (end === undefined) add(`${at}.endTimeUtc`, `must be a UTC time of day hh:mm:ss, got ${show(endRaw)}`);
  if (start !== undefined && end !== undefined && end <= start) add(`${at}.endTimeUtc`, `end ${show(endRaw)} is not after start ${show(startRaw)}`);
}
