/**
 * Friendly, case-insensitive field names for `--where` and `--select`, per
 * resource, mapped to the API's PascalCase property paths (api-notes §3.3).
 */
import { UsageError } from '../errors.js';
import { quote } from '../lib/parse.js';

import type { ResourceName } from '../resources/resource.js';

export type Resource = ResourceName;

/** How a field's values are validated and which operators make sense on it. */
export type FieldKind = 'text' | 'uuid' | 'state' | 'tags' | 'date' | 'integer' | 'duration' | 'boolean';

export interface FieldDef {
  /** The friendly name shown in help and errors. */
  name: string;
  aliases: readonly string[];
  api: string;
  kind: FieldKind;
}

// The API's state names: from the resource descriptors.
import { JOB as JOB_RESOURCE } from '../resources/job.js';
import { POOL as POOL_RESOURCE } from '../resources/pool.js';
import { TASK as TASK_RESOURCE } from '../resources/task.js';

export function statesOf(resource: Resource): readonly string[] {
  return { task: TASK_RESOURCE, pool: POOL_RESOURCE, job: JOB_RESOURCE }[resource].states;
}

const f = (name: string, api: string, kind: FieldKind, ...aliases: string[]): FieldDef => ({
  name,
  api,
  kind,
  aliases,
});

const UUID = f('uuid', 'Uuid', 'uuid', 'id');
const NAME = f('name', 'Name', 'text');
const SHORTNAME = f('shortname', 'Shortname', 'text', 'short-name');
const PROFILE = f('profile', 'Profile', 'text');
const STATE = f('state', 'State', 'state');
const PREVIOUS_STATE = f('previous-state', 'PreviousState', 'state');
const TAGS = f('tags', 'Tags', 'tags', 'tag');
const CREATED = f('created', 'CreationDate', 'date', 'creation-date');
const ENDED = f('ended', 'EndDate', 'date', 'end-date');
const MODIFIED = f('modified', 'LastModified', 'date', 'last-modified');
const POOL = f('pool', 'PoolUuid', 'uuid', 'pool-uuid');
const JOB = f('job', 'JobUuid', 'uuid', 'job-uuid');
const INSTANCES = f('instances', 'InstanceCount', 'integer', 'instance-count');
const RUNNING_INSTANCES = f('running-instances', 'RunningInstanceCount', 'integer');
const EXECUTION_TIME = f('execution-time', 'ExecutionTime', 'duration');
const WALL_TIME = f('wall-time', 'WallTime', 'duration');
const USE_DEPENDENCIES = f('use-dependencies', 'UseDependencies', 'boolean');

const POOL_FIELDS: readonly FieldDef[] = [
  UUID, NAME, SHORTNAME, PROFILE, STATE, PREVIOUS_STATE, TAGS, CREATED, ENDED, MODIFIED,
  INSTANCES, RUNNING_INSTANCES, EXECUTION_TIME, WALL_TIME,
];

const FIELDS: Record<Resource, readonly FieldDef[]> = {
  task: [...POOL_FIELDS.slice(0, 10), POOL, JOB, ...POOL_FIELDS.slice(10)],
  pool: POOL_FIELDS,
  job: [UUID, NAME, SHORTNAME, STATE, PREVIOUS_STATE, POOL, TAGS, CREATED, MODIFIED, USE_DEPENDENCIES],
};

/** Fields that only make sense in `--select` (objects, or not filterable). */
const SELECT_ONLY: Record<Resource, Record<string, string>> = {
  task: {
    'running-cores': 'RunningCoreCount',
    'results-count': 'ResultsCount',
    'completed-instances': 'CompletedInstances',
    'hardware-constraints': 'HardwareConstraints',
    'retry-settings': 'RetrySettings',
    dependencies: 'Dependencies.DependsOn',
  },
  pool: {
    'running-cores': 'RunningCoreCount',
    'hardware-constraints': 'HardwareConstraints',
    'retry-settings': 'DefaultRetrySettings',
    elastic: 'ElasticProperty',
  },
  job: {},
};

/** Lower-case, and treat `_` like `-`, so `Creation_Date` and `creation-date` agree. */
function normalise(name: string): string {
  return name.toLowerCase().replace(/_/g, '-');
}

export function fieldsOf(resource: Resource): readonly FieldDef[] {
  return FIELDS[resource];
}

/** The friendly names accepted by `--where` for this resource, in help order. */
export function knownFields(resource: Resource): string[] {
  return FIELDS[resource].map((d) => d.name);
}

/** Friendly name, alias or API name (any case) to the field, or undefined. */
export function findField(resource: Resource, name: string): FieldDef | undefined {
  const wanted = normalise(name);
  return FIELDS[resource].find(
    (d) =>
      d.name === wanted ||
      d.aliases.includes(wanted) ||
      d.api.toLowerCase() === wanted ||
      d.name.replace(/-/g, '') === wanted,
  );
}

const API_PATH_RE = /^[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*$/;

const pascal = (segment: string): string => segment.charAt(0).toUpperCase() + segment.slice(1);

/**
 * Map `--select` names to API property paths: friendly names and aliases via
 * the field table, anything shaped like an API path (`status.executionProgress`)
 * PascalCased segment by segment. Duplicates are dropped.
 */
export function mapSelectFields(resource: Resource, fields: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of fields) {
    const name = raw.trim();
    const api = findField(resource, name)?.api ?? SELECT_ONLY[resource][normalise(name)] ?? pascalPath(name);
    if (api === undefined) {
      throw new UsageError(
        `--select: unknown field ${quote(name)} for ${resource}s; use ${knownFields(resource).join(', ')} or an API path like status.executionProgress`,
      );
    }
    if (!out.includes(api)) out.push(api);
  }
  return out;
}

function pascalPath(name: string): string | undefined {
  return API_PATH_RE.test(name) ? name.split('.').map(pascal).join('.') : undefined;
}
