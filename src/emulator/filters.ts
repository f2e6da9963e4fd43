import { ci, isObj, matchEnum, parseTimeSpan, problem, type Obj } from './util.js';

type FieldGetter<T> = (rec: T) => unknown;
type Predicate<T> = (rec: T) => boolean;

const LEAF_OPS = ['Equal', 'NotEqual', 'LessThan', 'LessThanOrEqual', 'GreaterThan', 'GreaterThanOrEqual', 'Like', 'In', 'NotIn'] as const;
type LeafOp = (typeof LEAF_OPS)[number];

const DATE_FIELDS = new Set(['creationdate', 'enddate', 'lastmodified', 'statetransitiontime', 'previousstatetransitiontime']);
const SPAN_FIELDS = new Set(['executiontime', 'walltime', 'completiontimetolive', 'maxwalltime']);
const CASELESS_FIELDS = new Set(['state', 'previousstate', 'schedulingtype', 'profile']);

export const invalidSearch = (detail: string) => problem(400, 'Invalid search', detail);

/**
 * Resolves an API field path (PascalCase, case-insensitive, dotted: `Labels.key`,
 * `Dependencies.DependsOn`) to a getter; unknown first segments are rejected.
 */
function resolveField<T>(path: unknown, fields: Record<string, (rec: T) => unknown>): FieldGetter<T> {
  if (typeof path !== 'string' || path.trim() === '') throw invalidSearch('A filter leaf needs a "field".');
  const [head, ...rest] = path.split('.');
  const key = Object.keys(fields).find((k) => k.toLowerCase() === head!.toLowerCase());
  if (!key) throw invalidSearch(`Unknown field '${path}' in the filter.`);
  const get = fields[key]!;
  if (!rest.length) return get;
  return (rec) => walk(get(rec), rest);
}

function walk(v: unknown, path: string[]): unknown {
  let cur: unknown = v;
  for (const seg of path) {
    if (Array.isArray(cur)) cur = cur.flatMap((x) => walk(x, [seg]) as unknown[]);
    else cur = ci(cur, seg);
    if (cur === undefined || cur === null) return null;
  }
  return cur;
}

function likeRegex(pattern: string): RegExp {
  let re = '';
  for (const ch of pattern) {
    if (ch === '%' || ch === '*') re += '.*';
    else if (ch === '_') re += '.';
    else re += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'is');
}

type Scalar = string | number | boolean | null;

/** Compares one field value with one filter value; dates and durations as such, numbers as numbers. */
function compare(fieldKey: string, a: unknown, b: unknown): number | null {
  if (a === null || a === undefined || b === null || b === undefined) return null;
  if (DATE_FIELDS.has(fieldKey)) {
    const x = Date.parse(String(a));
    const y = Date.parse(String(b));
    return Number.isNaN(x) || Number.isNaN(y) ? null : x - y;
  }
  if (SPAN_FIELDS.has(fieldKey)) {
    const x = parseTimeSpan(a);
    const y = parseTimeSpan(typeof b === 'string' && /^\d+(\.\d+)?$/.test(b) ? Number(b) : b);
    return x === null || y === null ? null : x - y;
  }
  if (typeof a === 'number') {
    const y = Number(b);
    return Number.isNaN(y) ? null : a - y;
  }
  if (typeof a === 'boolean') return String(a) === String(b).toLowerCase() ? 0 : 1;
  const x = String(a);
  const y = String(b);
  if (CASELESS_FIELDS.has(fieldKey)) return x.toLowerCase() < y.toLowerCase() ? -1 : x.toLowerCase() > y.toLowerCase() ? 1 : 0;
  return x < y ? -1 : x > y ? 1 : 0;
}

function scalarMatches(fieldKey: string, op: LeafOp, v: unknown, values: Scalar[], like: RegExp | null): boolean {
  switch (op) {
    case 'Equal':
    case 'In':
      return values.some((x) => (v === null || v === undefined ? x === null : compare(fieldKey, v, x) === 0));
    case 'Like':
      return like !== null && v !== null && v !== undefined && like.test(String(v));
    default: {
      const c = compare(fieldKey, v, values[0]);
      if (c === null) return false;
      if (op === 'LessThan') return c < 0;
      if (op === 'LessThanOrEqual') return c <= 0;
      if (op === 'GreaterThan') return c > 0;
      return c >= 0;
    }
  }
}

/** The predicate of an absent filter, recognisable so callers can skip the scan. */
export const MATCH_ALL = (): boolean => true;

export function compileFilter<T>(filter: unknown, fields: Record<string, (rec: T) => unknown>): Predicate<T> {
  if (filter === null || filter === undefined) return MATCH_ALL;
  if (!isObj(filter)) throw invalidSearch('The filter must be an object.');
  const children = ci(filter, 'filters');
  if (children !== undefined && !('field' in filter) && ci(filter, 'field') === undefined) {
    const op = matchEnum(ci(filter, 'operator'), ['And', 'Or'] as const);
    if (!op) throw invalidSearch(`Unknown node operator '${String(ci(filter, 'operator'))}': expected And or Or.`);
    if (!Array.isArray(children)) throw invalidSearch('"filters" must be an array.');
    const preds = children.map((c) => compileFilter(c, fields));
    return op === 'And' ? (r) => preds.every((p) => p(r)) : (r) => preds.some((p) => p(r));
  }
  const field = ci(filter, 'field');
  const get = resolveField(field, fields);
  const fieldKey = String(field).split('.')[0]!.toLowerCase();
  const op = matchEnum(ci(filter, 'operator'), LEAF_OPS);
  if (!op) throw invalidSearch(`Unknown operator '${String(ci(filter, 'operator'))}' for field '${String(field)}'.`);
  let raw = ci(filter, 'values');
  // The Python SDK sends In/NotIn with a singular "value" holding the array.
  if (raw === undefined || raw === null) raw = ci(filter, 'value');
  const values: Scalar[] = (Array.isArray(raw) ? raw : [raw]).map((x) => (isObj(x) ? JSON.stringify(x) : (x as Scalar)));
  if ((op === 'In' || op === 'NotIn') && !Array.isArray(raw)) {
    if (raw === undefined) throw invalidSearch(`Operator ${op} on field '${String(field)}' needs "values".`);
  }
  const like = op === 'Like' ? likeRegex(String(values[0] ?? '')) : null;
  const positive: LeafOp = op === 'NotEqual' ? 'Equal' : op === 'NotIn' ? 'In' : op;
  const negate = op === 'NotEqual' || op === 'NotIn';
  return (rec) => {
    const v = get(rec);
    // Equal on a collection means membership; every other operator also matches any element.
    const hit = Array.isArray(v)
      ? v.some((el) => scalarMatches(fieldKey, positive, el, values, like))
      : scalarMatches(fieldKey, positive, v, values, like);
    return negate ? !hit : hit;
  };
}

/** `select.fields` → camelCase projections (nested paths build nested objects). */
export function compileSelect<T>(select: unknown, fields: Record<string, (rec: T) => unknown>): ((rec: T) => Obj) | null {
  const list = ci(select, 'fields');
  if (!Array.isArray(list) || list.length === 0) return null;
  const parts = list.map((f) => {
    if (typeof f !== 'string') throw invalidSearch('select.fields must contain field names.');
    const segs = f.split('.');
    const key = Object.keys(fields).find((k) => k.toLowerCase() === segs[0]!.toLowerCase());
    if (!key) throw invalidSearch(`Unknown field '${f}' in select.`);
    const rest = segs.slice(1).map((s) => s[0]!.toLowerCase() + s.slice(1));
    return { key, rest, get: fields[key]! };
  });
  return (rec) => {
    const out: Obj = {};
    for (const p of parts) {
      const v = p.get(rec);
      if (!p.rest.length) {
        out[p.key] = v;
        continue;
      }
      let target = (out[p.key] = isObj(out[p.key]) ? out[p.key] : {}) as Obj;
      for (let i = 0; i < p.rest.length - 1; i++) target = (target[p.rest[i]!] = isObj(target[p.rest[i]!]) ? target[p.rest[i]!] : {}) as Obj;
      target[p.rest[p.rest.length - 1]!] = walk(v, p.rest);
    }
    return out;
  };
}
