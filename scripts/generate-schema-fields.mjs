// Regenerates src/api/schema-fields.ts: the fields of each request body the
// Compute API reads and of each object it returns, nested ones included, from
// the API's OpenAPI document (Qarnot's compute-openapi.json; a copy is in
// ../shared/reference/ beside the repository). `-f FILE` checks its keys against the inputs, so
// that a typo never reaches the API; `--fields` its paths against the outputs.
//
//   node scripts/generate-schema-fields.mjs [path/to/compute-openapi.json]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// shared/ stands beside the repository, on developers' machines as in CI.
export const DEFAULT_SOURCE = fileURLToPath(new URL('../../shared/reference/compute-openapi.json', import.meta.url));
export const TARGET = 'src/api/schema-fields.ts';

/** The bodies our verbs send from a file, and the objects --fields picks from. */
const ROOTS = [
  'TaskCreationInput', 'TaskCloneInput', 'TaskRetryInput', 'TaskRecoverInput', 'TaskResumeInput', 'TaskUpdateInput',
  'PoolCreationInput', 'PoolCloneInput', 'PoolUpdateInput', 'JobCreationInput', 'ScalingInput',
  'TaskOutput', 'PoolOutput', 'JobOutput',
];

// Fields the API serves that this OpenAPI document does not list yet, as the
// official SDKs send them (qarnot-sdk-python: pool.py, task.py, dependency.py,
// multi_slots_settings.py; qarnot-sdk-csharp: MultiSlotsSettings.cs), and as
// our own flags send them (src/commands/shared/api-body.ts). A schema name,
// [schema] for a list of them, or null for a plain value.
const TASK_NEWER = {
  forcedNetworkRules: ['ForcedNetworkRuleInput'],
  projectUuid: null,
  maxTimeQueueSeconds: null,
  targetedReservationName: null,
};
const POOL_NEWER = { ...TASK_NEWER, multiSlotsSettings: 'MultiSlotsSettings' };
const NEWER = {
  TaskCreationInput: TASK_NEWER, TaskCloneInput: TASK_NEWER, TaskRetryInput: TASK_NEWER, TaskRecoverInput: TASK_NEWER, TaskResumeInput: TASK_NEWER,
  PoolCreationInput: POOL_NEWER, PoolCloneInput: POOL_NEWER,
  DependencyInput: { advancedDependsOn: ['AdvancedDependencyInput'] },
  ForcedNetworkRuleInput: { name: null, applicationType: null },
  TaskOutput: TASK_NEWER,
  PoolOutput: POOL_NEWER,
  DependencyOutput: { advancedDependsOn: ['AdvancedDependencyOutput'] },
};
const NEWER_SCHEMAS = {
  MultiSlotsSettings: ['slotsPerNode'],
  AdvancedDependencyInput: ['taskUuid', 'taskFinalStateCondition'],
  AdvancedDependencyOutput: ['taskUuid', 'taskFinalStateCondition', 'state', 'actualFinalState'],
};

const refName = (ref) => ref.replace('#/components/schemas/', '');

/** The text of src/api/schema-fields.ts for this OpenAPI document. */
export function generateSchemaFields(api) {
  const schemas = api.components.schemas;

  /** name -> "field field:Child ..." for every object schema reachable from the roots. */
  const out = new Map();

  function propertiesOf(schema) {
    const props = { ...(schema.properties ?? {}) };
    for (const part of schema.allOf ?? []) Object.assign(props, propertiesOf(part.$ref ? schemas[refName(part.$ref)] : part));
    return props;
  }

  /** The object schema a value holds ('*': any keys; undefined: a scalar or a list of scalars). */
  function childOf(schema, field) {
    if (schema.$ref) {
      const target = schemas[refName(schema.$ref)];
      return Object.keys(propertiesOf(target)).length || target.additionalProperties !== undefined ? visit(refName(schema.$ref)) : undefined;
    }
    if (schema.type === 'array') return childOf(schema.items ?? {}, field);
    const variants = schema.oneOf ?? schema.anyOf;
    if (variants) {
      const names = variants.map((v) => childOf(v, field)).filter(Boolean);
      if (names.length === 0) return undefined;
      // One of several schemas: any of their fields (named after the field holding it).
      const name = `${field[0].toUpperCase()}${field.slice(1)}Item`;
      if (!out.has(name)) out.set(name, [...new Set(names.flatMap((n) => out.get(n).split(' ')))].join(' '));
      return name;
    }
    if (schema.properties || schema.allOf) throw new Error('inline object schemas are not expected in inputs');
    if (schema.additionalProperties !== undefined && schema.additionalProperties !== false) return '*';
    return undefined;
  }

  function visit(name) {
    if (out.has(name)) return name;
    out.set(name, '');
    if (NEWER_SCHEMAS[name]) {
      out.set(name, NEWER_SCHEMAS[name].join(' '));
      return name;
    }
    const schema = schemas[name];
    if (!schema) throw new Error(`no schema ${name}`);
    const fields = Object.entries(propertiesOf(schema)).map(([field, s]) => [field, childOf(s, field)]);
    for (const [field, child] of Object.entries(NEWER[name] ?? {})) {
      if (fields.some(([known]) => known === field)) continue;
    fields.push([field, child === null ? undefined : Array.isArray(child) ? visit(child[0]) : visit(child)]);
    }
    if (!Object.keys(propertiesOf(schema)).length && schema.additionalProperties) return '*';
    out.set(name, fields.map(([f, c]) => (c ? `${f}:${c}` : f)).join(' '));
    return name;
  }

  for (const name of ROOTS) visit(name);

  // Only what the roots reach (a oneOf's variants are folded into its Item schema).
  const reached = new Set();
  const reach = (name) => {
    if (reached.has(name) || name === '*') return;
    reached.add(name);
    for (const entry of out.get(name).split(' ')) if (entry.includes(':')) reach(entry.split(':')[1]);
  };
  ROOTS.forEach(reach);
  for (const name of out.keys()) if (!reached.has(name)) out.delete(name);

  const lines = [...out].sort(([a], [b]) => a.localeCompare(b)).map(([name, fields]) => `  ${JSON.stringify(name)}:\n    ${JSON.stringify(fields)},`);
  const text = `// Generated by scripts/generate-schema-fields.mjs from Qarnot's compute-openapi.json
// (${api.info.title} ${api.info.version}), plus the newer fields that script lists.
// Do not edit: run "node scripts/generate-schema-fields.mjs [compute-openapi.json]".
//
// Each schema's fields, space-separated; "field:Schema" holds an object
// (or a list of objects) of that schema, "field:*" a map with any keys.

export const SCHEMA_ROOTS = ${JSON.stringify(ROOTS)} as const;

export type SchemaRoot = (typeof SCHEMA_ROOTS)[number];

export const SCHEMA_FIELDS: Record<string, string> = {
${lines.join('\n')}
};
`;
  return text;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const text = generateSchemaFields(JSON.parse(readFileSync(process.argv[2] ?? DEFAULT_SOURCE, 'utf8')));
  writeFileSync(`${root}${TARGET}`, text);
  process.stdout.write(`${TARGET}: ${text.split('\n').filter((l) => l.startsWith('  "')).length} schemas\n`);
}
