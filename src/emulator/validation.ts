import { HARDWARE_DISCRIMINATORS, findProfile } from './profiles.js';
import { checkScaling } from './scaling.js';
import type { KeyValue } from './model.js';
import type { Account } from './store.js';
import { ApiError, badRequest, isObj, matchEnum, parseRanges, parseTimeSpan, type Obj } from './util.js';

const MAX_INSTANCES = 2048;
export const MAX_TAGS = 10;
export const MAX_TAG_LENGTH = 512;
export const MAX_TASK_CONSTANTS = 150;
export const MAX_POOL_CONSTANTS = 50;

const invalid = (field: string, why: string): ApiError => badRequest(`Invalid field '${field}': ${why}`);

export function requireName(input: Obj): string {
  const name = input.name;
  if (typeof name !== 'string' || name.trim() === '') throw invalid('name', 'the name is required.');
  return name;
}

const SHORTNAME_RE = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/;

export function checkShortname(acc: Account, kind: 'task' | 'pool' | 'job', v: unknown, uuid: string): string {
  if (v === undefined || v === null || v === '') return uuid;
  if (typeof v !== 'string') throw invalid('shortname', 'must be a string.');
  if (!SHORTNAME_RE.test(v)) {
    throw invalid('shortname', `'${v}' may only contain letters, digits and '-', must start with a letter or digit and must not end with '-'.`);
  }
  if (acc.shortnameOwner(kind, v)) throw invalid('shortname', `a ${kind} with shortname '${v}' already exists.`);
  return v;
}

export function checkTags(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw invalid('tags', 'must be an array of strings.');
  if (v.length > MAX_TAGS) throw invalid('tags', `at most ${MAX_TAGS} tags are allowed (got ${v.length}).`);
  v.forEach((t, i) => {
    if (typeof t !== 'string') throw invalid(`tags[${i}]`, 'must be a string.');
    if (t.length > MAX_TAG_LENGTH) throw invalid(`tags[${i}]`, `a tag is at most ${MAX_TAG_LENGTH} characters long.`);
  });
  return v as string[];
}

const CONSTANT_KEY_RE = /^[a-zA-Z0-9_.-]+$/;

export function checkConstants(v: unknown, max: number, field = 'constants'): KeyValue[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw invalid(field, 'must be an array of {key, value}.');
  if (v.length > max) throw invalid(field, `at most ${max} constants are allowed (got ${v.length}).`);
  return v.map((c, i) => {
    if (!isObj(c)) throw invalid(`${field}[${i}]`, 'must be an object {key, value}.');
    const key = c.key;
    if (typeof key !== 'string' || !CONSTANT_KEY_RE.test(key)) {
      throw invalid(`${field}[${i}].key`, `'${String(key)}' may only contain letters, digits, '_', '.' and '-'.`);
    }
    const value = c.value === undefined || c.value === null ? '' : String(c.value);
    return { key, value };
  });
}

export function checkLabels(v: unknown): Record<string, string> {
  if (v === undefined || v === null) return {};
  if (!isObj(v)) throw invalid('labels', 'must be an object of string values.');
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) {
    if (typeof val !== 'string') throw invalid(`labels.${k}`, 'must be a string.');
    out[k] = val;
  }
  return out;
}

/** instanceCount xor advancedRanges → the instance ids. */
export function checkInstances(input: Obj): { instanceCount: number; advancedRanges: string | null; ids: number[] } {
  const count = input.instanceCount;
  const ranges = input.advancedRanges;
  const hasRanges = typeof ranges === 'string' && ranges.trim() !== '';
  const hasCount = count !== undefined && count !== null && !(count === 0 && hasRanges);
  if (hasCount && hasRanges) throw invalid('advancedRanges', 'instanceCount and advancedRanges cannot be used together.');
  if (hasRanges) {
    const ids = parseRanges(ranges as string);
    if (!ids) throw invalid('advancedRanges', `'${String(ranges)}' is not a valid range list (e.g. "0-2,4").`);
    if (ids.length === 0) throw invalid('advancedRanges', 'the range list is empty.');
    if (ids.length > MAX_INSTANCES) throw invalid('advancedRanges', `at most ${MAX_INSTANCES} instances are allowed (got ${ids.length}).`);
    return { instanceCount: 0, advancedRanges: ranges as string, ids };
  }
  if (ranges !== undefined && ranges !== null && typeof ranges !== 'string') throw invalid('advancedRanges', 'must be a string.');
  if (!hasCount) throw invalid('instanceCount', 'instanceCount (at least 1) or advancedRanges is required.');
  if (typeof count !== 'number' || !Number.isInteger(count)) throw invalid('instanceCount', 'must be an integer.');
  if (count < 1) throw invalid('instanceCount', 'must be at least 1.');
  if (count > MAX_INSTANCES) throw invalid('instanceCount', `at most ${MAX_INSTANCES} instances are allowed (got ${count}).`);
  return { instanceCount: count, advancedRanges: null, ids: Array.from({ length: count }, (_, i) => i) };
}

export function checkBuckets(input: Obj): void {
  const plain = input.resourceBuckets;
  const adv = input.advancedResourceBuckets;
  if (plain !== undefined && plain !== null && !Array.isArray(plain)) throw invalid('resourceBuckets', 'must be an array of bucket names.');
  if (adv !== undefined && adv !== null && !Array.isArray(adv)) throw invalid('advancedResourceBuckets', 'must be an array.');
  if (Array.isArray(plain) && plain.length && Array.isArray(adv) && adv.length) {
    throw invalid('advancedResourceBuckets', 'resourceBuckets and advancedResourceBuckets cannot be used together.');
  }
}

export function checkHardwareConstraints(v: unknown): Obj[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw invalid('hardwareConstraints', 'must be an array.');
  return v.map((hc, i) => {
    if (!isObj(hc)) throw invalid(`hardwareConstraints[${i}]`, 'must be an object.');
    const d = matchEnum(hc.discriminator, HARDWARE_DISCRIMINATORS);
    if (!d) throw invalid(`hardwareConstraints[${i}].discriminator`, `unknown hardware constraint '${String(hc.discriminator)}'.`);
    return { ...hc, discriminator: d };
  });
}

export function checkSchedulingType(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  const s = matchEnum(v, ['flex', 'onDemand', 'reserved'] as const);
  if (!s) throw invalid('schedulingType', `'${String(v)}' is not one of flex, onDemand, reserved.`);
  return s;
}

export function checkTimeSpan(field: string, v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  const ms = parseTimeSpan(v);
  if (ms === null || ms < 0) throw invalid(field, `'${String(v)}' is not a duration formatted [d.]hh:mm:ss.`);
  return typeof v === 'string' ? v : undefined;
}

const nonNegInt = (field: string, v: unknown): number | null => {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw invalid(field, 'must be a non-negative integer.');
  return v;
};

export function checkRetry(input: Obj): { perInstance: number; total: number | null } {
  const legacy = nonNegInt('maxRetriesPerInstance', input.maxRetriesPerInstance);
  const rs = input.retrySettings;
  if (rs !== undefined && rs !== null && !isObj(rs)) throw invalid('retrySettings', 'must be an object.');
  const per = isObj(rs) ? nonNegInt('retrySettings.maxPerInstanceRetries', rs.maxPerInstanceRetries) : null;
  const total = isObj(rs) ? nonNegInt('retrySettings.maxTotalRetries', rs.maxTotalRetries) : null;
  if (legacy !== null && legacy > 0 && per !== null) {
    throw invalid('maxRetriesPerInstance', 'cannot be set together with retrySettings.maxPerInstanceRetries.');
  }
  return { perInstance: per ?? legacy ?? 0, total };
}

export function checkProfile(v: unknown, field = 'profile'): string {
  if (typeof v !== 'string' || v === '') throw invalid(field, 'the profile is required.');
  const p = findProfile(v);
  if (!p) throw invalid(field, `unknown profile '${v}'.`);
  return p.name;
}

export function checkPoolScaling(v: unknown): { policies: Obj[] } | null {
  if (v === undefined || v === null) return null;
  const { errors, normalized } = checkScaling(v);
  const first = Object.entries(errors)[0];
  if (first) throw invalid(`scaling.${first[0]}`, first[1][0]!);
  return normalized;
}

export function checkBoolean(field: string, v: unknown): void {
  if (v !== undefined && v !== null && typeof v !== 'boolean') throw invalid(field, 'must be a boolean.');
}

export { invalid };
