import { UsageError } from '../errors.js';
import { parseDuration, parseInteger, parseNumber, quote } from '../lib/parse.js';
import type { ManagedPolicy, Policy, ScalingInput } from './model.js';
import type { Step } from './options.js';
import { parseWeekly } from './weekly.js';

const MANAGED_KEYS = ['min', 'max', 'idle', 'idle-time', 'factor'] as const;

/**
 * `min=0,max=10,idle=1,idle-time=90,factor=0.5` to a ManagedTasksQueue
 * policy. Values must parse; whether they make sense (min above max, factor
 * out of range) is the check's job, so it can report every problem at once.
 */
export function parseManaged(flag: string, raw: string, name: string): ManagedPolicy {
  const seen = new Map<string, string>();
  for (const item of raw.split(',')) {
    const at = item.indexOf('=');
    const key = (at < 0 ? item : item.slice(0, at)).trim().toLowerCase();
    if (at < 0 || !(MANAGED_KEYS as readonly string[]).includes(key)) {
      throw new UsageError(`${flag} expects KEY=VALUE pairs with KEY one of ${MANAGED_KEYS.join(', ')}; got ${quote(item.trim())}`);
    }
    if (seen.has(key)) throw new UsageError(`${flag}: ${key} is given twice in ${quote(raw)}`);
    seen.set(key, item.slice(at + 1).trim());
  }
  const max = seen.get('max');
  if (max === undefined) throw new UsageError(`${flag} needs max=N (the most slots the pool may grow to), got ${quote(raw)}`);
  const idleTime = seen.get('idle-time');
  return {
    type: 'ManagedTasksQueue',
    name,
    enabledPeriods: [],
    minTotalSlots: parseInteger(`${flag} min`, seen.get('min') ?? '0'),
    maxTotalSlots: parseInteger(`${flag} max`, max),
    minIdleSlots: parseInteger(`${flag} idle`, seen.get('idle') ?? '0'),
    minIdleTimeSeconds: idleTime === undefined ? 90 : Math.round(parseDuration(`${flag} idle-time`, idleTime) / 1000),
    scalingFactor: parseNumber(`${flag} factor`, seen.get('factor') ?? '0.2'),
  };
}

/** Whether any scaling flag was given. */
export function hasScalingSteps(steps: readonly Step[] | undefined): boolean {
  return (steps ?? []).length > 0;
}

/**
 * The ordered flags to a scaling body. Only structure is enforced here (a
 * period or a name needs a policy before it); everything else is left to
 * `checkScaling` so that all problems are reported together.
 */
export function buildScaling(steps: readonly Step[]): ScalingInput {
  const policies: Policy[] = [];
  const named = new Set<Policy>();
  const current = (flag: string): Policy => {
    const policy = policies[policies.length - 1];
    if (!policy) throw new UsageError(`${flag} must come after the --fixed or --managed policy it belongs to`);
    return policy;
  };
  for (const step of steps) {
    const value = step.value ?? '';
    const autoName = `policy-${policies.length + 1}`;
    switch (step.kind) {
      case 'fixed':
        policies.push({ type: 'Fixed', name: autoName, enabledPeriods: [], slotsCount: parseInteger('--fixed', value) });
        break;
      case 'managed':
        policies.push(parseManaged('--managed', value, autoName));
        break;
      case 'always':
        current('--always').enabledPeriods.push({ type: 'Always', name: null });
        break;
      case 'weekly':
        current('--weekly').enabledPeriods.push(parseWeekly('--weekly', value));
        break;
      case 'name': {
        const policy = current('--name');
        if (named.has(policy)) throw new UsageError(`--name: policy "${policy.name}" is already named; give one --name after each --fixed or --managed`);
        if (value.trim() === '') throw new UsageError('--name must not be empty');
        policy.name = value.trim();
        named.add(policy);
        break;
      }
    }
  }
  // One policy with no period can only mean "this one, all the time".
  if (impliesAlways(steps)) policies[0]!.enabledPeriods.push({ type: 'Always', name: null });
  return { policies };
}

/** A single --fixed or --managed with no --always/--weekly: it applies always (said in --dry-run). */
export function impliesAlways(steps: readonly Step[] | undefined): boolean {
  const kinds = (steps ?? []).map((s) => s.kind);
  return kinds.filter((k) => k === 'fixed' || k === 'managed').length === 1 && !kinds.some((k) => k === 'always' || k === 'weekly');
}

export const IMPLIED_ALWAYS_NOTE = 'Note: a single policy with no --always or --weekly period applies always\n';
