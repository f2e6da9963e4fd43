import { SCHEMA_FIELDS } from './schema-fields.js';

/** lowercased field -> [field as the API spells it, schema of its value ('*': any keys)] */
export type SchemaFields = Map<string, [string, string | undefined]>;

const parsed = new Map<string, SchemaFields>();

/** The fields of one schema of src/api/schema-fields.ts, looked up case-insensitively as the API reads them. */
export function schemaFields(schema: string): SchemaFields {
  let fields = parsed.get(schema);
  if (!fields) {
    fields = new Map();
    for (const entry of (SCHEMA_FIELDS[schema] ?? '').split(' ').filter(Boolean)) {
      const [name, child] = entry.split(':') as [string, string | undefined];
      fields.set(name.toLowerCase(), [name, child]);
    }
    parsed.set(schema, fields);
  }
  return fields;
}

/** `Status.ExecutionProgress` -> `status.executionProgress`, or undefined when no such field; list indexes pass. */
export function schemaPath(schema: string, path: string): string | undefined {
  const out: string[] = [];
  let current: string | undefined = schema;
  for (const part of path.split('.')) {
    if (/^\d+$/.test(part) && out.length > 0) {
      out.push(part);
      continue;
    }
    if (current === '*') {
      out.push(part);
      continue;
    }
    const field: [string, string | undefined] | undefined = current === undefined ? undefined : schemaFields(current).get(part.toLowerCase());
    if (!field) return undefined;
    out.push(field[0]);
    current = field[1];
  }
  return out.join('.');
}
