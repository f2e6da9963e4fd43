import type { Http } from './http.js';
import { getJob } from './jobs.js';
import { getPool } from './pools.js';
import { getTask } from './tasks.js';
import type { Filter } from './types.js';
import { ApiError, CliError } from '../errors.js';
import { isUuid } from '../lib/parse.js';

type Body = Record<string, unknown>;
type Kind = 'pool' | 'job' | 'task';

const GETTERS = { pool: getPool, job: getJob, task: getTask };

/** uuid of a shortname (uuids as they are): one GET per distinct shortname, whose 404 is "not found" (exit 3). */
function uuidResolver(http: () => Promise<Http>): <T>(kind: Kind, id: T) => Promise<T | string> {
  const known = new Map<string, Promise<string>>();
  return async (kind, id) => {
    if (typeof id !== 'string' || isUuid(id)) return id;
    const key = `${kind}:${id}`;
    if (!known.has(key)) known.set(key, http().then((h) => GETTERS[kind](h, id)).then((found) => found.uuid));
    return known.get(key)!;
  };
}

/**
 * Shortnames given where the API takes uuids (poolUuid, jobUuid, dependsOn, advanced
 * dependencies' taskUuid) become uuids, before anything is created.
 */
export async function resolveIdFields(http: () => Promise<Http>, bodies: Body[]): Promise<void> {
  const uuidOf = uuidResolver(http);
  for (const body of bodies) {
    if (body.poolUuid != null) body.poolUuid = await uuidOf('pool', body.poolUuid);
    if (body.jobUuid != null) body.jobUuid = await uuidOf('job', body.jobUuid);
    const dependencies = body.dependencies as { dependsOn?: unknown[]; advancedDependsOn?: { taskUuid?: unknown }[] } | null | undefined;
    if (dependencies && typeof dependencies === 'object') {
      if (Array.isArray(dependencies.dependsOn)) dependencies.dependsOn = await Promise.all(dependencies.dependsOn.map((id) => uuidOf('task', id)));
      for (const item of Array.isArray(dependencies.advancedDependsOn) ? dependencies.advancedDependsOn : []) {
        if (item && typeof item === 'object') item.taskUuid = await uuidOf('task', item.taskUuid);
      }
    }
  }
}

/** The filter fields holding uuids, by what they point at (`Uuid`: the listed resource itself). */
const UUID_FIELDS: Record<string, Kind | 'self'> = { Uuid: 'self', PoolUuid: 'pool', JobUuid: 'job' };

/**
 * `--where 'pool = p-one'`: shortnames compared with uuid fields (=, !=, in, not in; a
 * `like` pattern is left alone) become uuids, as the API compares uuids only. A shortname
 * that names nothing is "not found" (exit 3): nothing is listed, aborted or deleted.
 */
export async function resolveFilterIds(http: () => Promise<Http>, filter: Filter | undefined, resource: Kind): Promise<Filter | undefined> {
  if (!filter) return filter;
  const uuidOf = uuidResolver(http);
  const resolve = async (node: Filter): Promise<Filter> => {
    if ('filters' in node) return { ...node, filters: await Promise.all(node.filters.map(resolve)) };
    const target = UUID_FIELDS[node.field];
    if (!target || node.operator === 'Like') return node;
    const kind = target === 'self' ? resource : target;
    try {
      if ('values' in node) return { ...node, values: await Promise.all(node.values.map((v) => uuidOf(kind, v))) };
      return { ...node, value: await uuidOf(kind, node.value) };
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) throw new CliError(`--where: ${error.message}`, error.exitCode);
      throw error;
    }
  };
  return resolve(filter);
}
