import type { InstanceRec, TaskRec } from '../model.js';
import { findProfile } from '../profiles.js';
import type { Account } from '../store.js';
import { instanceEnv } from '../instance-env.js';

/** Host variables an instance inherits; everything else comes from its constants. */
const HOST_ENV = /^(PATH|HOME|LANG|LANGUAGE|LC_[A-Z]+|TZ|TMPDIR|USER|LOGNAME|SHELL|TERM)$/;
let hostEnvCache: Record<string, string> | undefined;

/** Only what a shell needs from the host, never its tokens or cloud keys; read once (process.env is slow to walk). */
function hostEnv(): Record<string, string> {
  if (!hostEnvCache) {
    hostEnvCache = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && HOST_ENV.test(k)) hostEnvCache[k] = v;
  }
  return hostEnvCache;
}

/** The command an instance runs (DOCKER_CMD) and its environment: profile, pool and task constants, substituted. */
export function instanceCommand(
  acc: Account,
  t: TaskRec,
  inst: InstanceRec,
  dirs: { work: string; tmp: string },
): { command: string; env: Record<string, string> } {
  const raw = new Map<string, string>();
  for (const c of findProfile(t.profile ?? '')?.constants ?? []) raw.set(c.name, c.value);
  const pool = t.poolUuid ? acc.pools.get(t.poolUuid) : undefined;
  if (pool) {
    for (const c of findProfile(pool.profile)?.constants ?? []) if (!raw.has(c.name)) raw.set(c.name, c.value);
    for (const c of pool.constants) raw.set(c.key, c.value);
  }
  for (const c of t.constants) raw.set(c.key, c.value);
  const id = String(inst.id);
  const subst = (v: string) =>
    v.replace(/\$\{([A-Za-z0-9_.-]+)\}/g, (m, k: string) => {
      if (k === 'INSTANCE_ID') return id;
      const other = raw.get(k);
      return other === undefined ? m : other.replace(/\$\{INSTANCE_ID\}/g, id);
    });
  const env: Record<string, string> = { ...hostEnv() };
  for (const [k, v] of raw) env[k] = subst(v);
  Object.assign(env, instanceEnv(acc, t, pool, inst));
  env.INSTANCE_ID = id;
  // instanceCount is 0 for a task of advancedRanges: the count is that of its instances.
  env.INSTANCE_COUNT = String(t.instanceIds.length);
  // As on Qarnot, where resources and results both live in the /job working directory.
  env.TASK_PATH = env.QARNOT_RESOURCES_DIRECTORY = env.QARNOT_RESULTS_DIRECTORY = dirs.work;
  env.TMP_PATH = dirs.tmp;
  env.QARNOT_TASK_UUID = t.uuid;
  env.QARNOT_TASK_NAME = t.name;
  return { command: env.DOCKER_CMD ?? '', env };
}
