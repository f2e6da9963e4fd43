// Dotted-path access and projection, shared by --fields and the views.

import { UsageError } from '../errors.js';
import { quote } from '../lib/parse.js';

export function getPath(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const part of path.split('.')) {
    if (current === null || current === undefined) return undefined;
    if (Array.isArray(current) && /^\d+$/.test(part)) current = current[Number(part)];
    else if (typeof current === 'object') current = lookup(current as Record<string, unknown>, part);
    else return undefined;
  }
  return current;
}

/** Keys match case-insensitively, so `--fields State` works on camelCase objects. */
function lookup(object: Record<string, unknown>, key: string): unknown {
  if (key in object) return object[key];
  const lower = key.toLowerCase();
  for (const k of Object.keys(object)) if (k.toLowerCase() === lower) return object[k];
  return undefined;
}

/** Keeps only the given paths, nested as in the source: `status.executionProgress` → {status:{executionProgress}}. */
export function project(value: unknown, paths: string[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const path of paths) {
    const parts = path.split('.');
    let target = result;
    for (const part of parts.slice(0, -1)) {
      const next = target[part];
      target = (next && typeof next === 'object' ? next : (target[part] = {})) as Record<string, unknown>;
    }
    const v = getPath(value, path);
    target[parts[parts.length - 1]!] = v === undefined ? null : v;
  }
  return result;
}

/** `uuid,name` as names; an empty one (`--fields ,` or `a,,b`) is a typo, refused rather than dropped. */
export function splitFields(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  const fields = raw.split(',').map((f) => f.trim());
  if (fields.includes('')) throw new UsageError(`--fields: an empty field in ${quote(raw)}; give names like uuid,name,state`);
  return fields;
}
