/**
 * Checks the keys of a `-f` file against the fields the API reads
 * (src/api/input-fields.ts, generated from Qarnot's OpenAPI document), case-
 * insensitively as the API reads them: a typo exits 2 with a suggestion
 * instead of being dropped silently by the API.
 */
import { INPUT_FIELDS, type InputRoot } from '../../api/input-fields.js';
import { UsageError } from '../../errors.js';
import { didYouMean } from '../../lib/suggest.js';

export interface FieldCheck {
  schema: InputRoot;
  /** --allow-unknown-fields: fields newer than our schema are sent as they are. */
  allowUnknown?: boolean;
}

/** lowercased field -> [field as the API spells it, schema of its value] */
type Fields = Map<string, [string, string | undefined]>;
const parsed = new Map<string, Fields>();

function fieldsOf(schema: string): Fields {
  let fields = parsed.get(schema);
  if (!fields) {
    fields = new Map();
    for (const entry of (INPUT_FIELDS[schema] ?? '').split(' ').filter(Boolean)) {
      const [name, child] = entry.split(':') as [string, string | undefined];
      fields.set(name.toLowerCase(), [name, child]);
    }
    parsed.set(schema, fields);
  }
  return fields;
}

/**
 * The body with its keys spelt as the API spells them (`InstanceCount` ->
 * `instanceCount`, so that flags override them and our checks see them).
 * Throws a UsageError naming the first unknown or doubled key, with its path
 * (`retrySettings.maxTotalRetrie`).
 */
export function checkFileFields<T>(where: string, body: T, check: FieldCheck): T {
  return walk(where, body, check.schema, '', check.allowUnknown === true) as T;
}

function walk(where: string, value: unknown, schema: string, path: string, allowUnknown: boolean): unknown {
  if (Array.isArray(value)) return value.map((item, i) => walk(where, item, schema, `${path}[${i}]`, allowUnknown));
  if (typeof value !== 'object' || value === null || schema === '*') return value;
  const fields = fieldsOf(schema);
  const seen = new Map<string, string>();
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const at = path === '' ? key : `${path}.${key}`;
    const lower = key.toLowerCase();
    const twin = seen.get(lower);
    if (twin !== undefined) {
      throw new UsageError(`${where}"${twin}" and "${key}" are the same field to the API (it ignores case); keep one`);
    }
    seen.set(lower, key);
    const field = fields.get(lower);
    if (field === undefined) {
      out[key] = child;
      if (allowUnknown) continue;
      const names = [...fields.values()].map(([name]) => name);
      throw new UsageError(
        `${where}unknown field "${at}"${didYouMean(key, names)}; --allow-unknown-fields sends fields newer than this version knows`,
      );
    }
    out[field[0]] = field[1] === undefined ? child : walk(where, child, field[1], at, allowUnknown);
  }
  return out;
}
