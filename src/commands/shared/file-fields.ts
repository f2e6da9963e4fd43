/**
 * Checks the keys of a `-f` file against the fields the API reads
 * (src/api/schema-fields.ts, generated from Qarnot's OpenAPI document), case-
 * insensitively as the API reads them: a typo exits 2 with a suggestion
 * instead of being dropped silently by the API.
 */
import type { SchemaRoot } from '../../api/schema-fields.js';
import { schemaFields } from '../../api/schema.js';
import { UsageError } from '../../errors.js';
import { didYouMean } from '../../lib/suggest.js';

/** Fields the API takes as a list of name/value objects (constants, forcedConstants). */
const LISTS_OF_PAIRS = new Set(['KeyValue', 'ForcedConstant']);

export interface FieldCheck {
  schema: SchemaRoot;
  /** --allow-unknown-fields: fields newer than our schema are sent as they are. */
  allowUnknown?: boolean;
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
  // `constants: {A: 1}` reads naturally in YAML, but the API takes a list: say so, not "unknown field constants.A".
  if (LISTS_OF_PAIRS.has(schema) && !Object.keys(value).some((key) => schemaFields(schema).has(key.toLowerCase()))) {
    const [name, text] = [...schemaFields(schema).values()].map(([field]) => field);
    throw new UsageError(`${where}${path}: a list of objects, e.g. [{"${name}": "A", "${text}": "1"}] (YAML: "- ${name}: A" then "  ${text}: '1'"); got an object`);
  }
  const fields = schemaFields(schema);
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
