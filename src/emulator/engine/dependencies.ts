import { FINAL_TASK_STATES, type TaskRec } from '../model.js';
import type { Account } from '../store.js';

/**
 * Where a task stands with its dependencies: none, some still running, all ended as required
 * (ok) or not (ko). Records the final state of each advanced dependency that has one.
 */
export function dependencyStatus(acc: Account, t: TaskRec): 'none' | 'waiting' | 'ok' | 'ko' {
  const deps: { uuid: string; cond: string[] | null }[] = t.dependsOn.map((uuid) => ({ uuid, cond: null }));
  for (const d of t.advancedDependsOn ?? []) deps.push({ uuid: d.taskUuid, cond: d.taskFinalStateCondition });
  if (!deps.length) return 'none';
  let ko = false;
  for (const d of deps) {
    const dep = acc.tasks.get(d.uuid);
    if (!dep) continue; // a deleted dependency no longer holds anything back
    if (!FINAL_TASK_STATES.has(dep.state)) return 'waiting';
    if (d.cond && d.cond.length && !d.cond.some((c) => c.toLowerCase() === dep.state.toLowerCase())) ko = true;
  }
  for (const d of t.advancedDependsOn ?? []) {
    const dep = acc.tasks.get(d.taskUuid);
    d.actualFinalState = dep && FINAL_TASK_STATES.has(dep.state) ? dep.state.toLowerCase() : (d.actualFinalState ?? null);
  }
  return ko ? 'ko' : 'ok';
}
