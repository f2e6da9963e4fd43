import { forwardsEnv } from './forwards.js';
import type { InstanceRec, PoolRec, TaskRec } from './model.js';
import { grantedSecretsEnv } from './secrets.js';
import type { Account } from './store.js';
import { isObj } from './util.js';

/** Forced constants win over the task's own constants (that is what "forced" means). */
function forcedConstantsEnv(...lists: unknown[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const c of list) if (isObj(c) && typeof c.constantName === 'string' && c.forcedValue != null) env[c.constantName] = String(c.forcedValue);
  }
  return env;
}

/**
 * What an instance's environment gets beyond its constants: forced constants, the secrets it
 * was granted, and the loopback ports of its forwards.
 */
export function instanceEnv(acc: Account, t: TaskRec, pool: PoolRec | undefined, inst: InstanceRec): Record<string, string> {
  return {
    ...forcedConstantsEnv(pool?.input.forcedConstants, t.input.forcedConstants),
    ...grantedSecretsEnv(acc, t.input.secretsAccessRights, pool?.input.secretsAccessRights),
    ...forwardsEnv(inst.forwards),
  };
}
