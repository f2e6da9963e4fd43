import type { Http } from './http.js';
import { getJob } from './jobs.js';
import { getPool } from './pools.js';
import { getTask } from './tasks.js';
import { isUuid } from '../lib/parse.js';

type Body = Record<string, unknown>;

const GETTERS = { pool: getPool, job: getJob, task: getTask };

/**
 * Shortnames given where the API takes uuids (poolUuid, jobUuid, dependsOn, advanced
 * dependencies' taskUuid) become uuids: one GET per distinct shortname, whose 404 is
 * "not found" (exit 3) before anything is created.
 */
export async function resolveIdFields(http: () => Promise<Http>, bodies: Body[]): Promise<void> {
  const known = new Map<string, Promise<string>>();
  const uuidOf = async (kind: keyof typeof GETTERS, id: unknown): Promise<unknown> => {
    if (typeof id !== 'string' || isUuid(id)) return id;
    const key = `${kind}:${id}`;
    if (!known.has(key)) known.set(key, http().then((h) => GETTERS[kind](h, id)).then((found) => found.uuid));
    return known.get(key)!;
  };
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
