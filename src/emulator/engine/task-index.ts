import { FINAL_TASK_STATES, type TaskRec } from '../model.js';
import type { Account } from '../store.js';

/** Tasks by pool, by job and held by dependencies: rebuilt from the records on restart. */
export class TaskIndex {
  /** Non-final tasks by pool uuid, in creation order: the pool's scheduling queue. */
  private readonly poolActive = new Map<string, Set<TaskRec>>();
  /** Every task of a job, by job uuid. */
  private readonly jobTasks = new Map<string, Set<TaskRec>>();
  /** Tasks held by their dependencies. */
  readonly waiting = new Map<TaskRec, Account>();

  /** Registers a task (new or loaded). */
  add(t: TaskRec): void {
    if (t.jobUuid) addTo(this.jobTasks, t.jobUuid, t);
    if (t.poolUuid && !FINAL_TASK_STATES.has(t.state)) addTo(this.poolActive, t.poolUuid, t);
  }

  remove(t: TaskRec): void {
    if (t.jobUuid) this.jobTasks.get(t.jobUuid)?.delete(t);
    this.leavePool(t);
    this.waiting.delete(t);
  }

  /** A task that reached a final state no longer holds a place in its pool's queue. */
  leavePool(t: TaskRec): void {
    if (t.poolUuid) this.poolActive.get(t.poolUuid)?.delete(t);
  }

  activeOnPool(poolUuid: string): ReadonlySet<TaskRec> {
    return this.poolActive.get(poolUuid) ?? NONE;
  }

  ofJob(jobUuid: string): TaskRec[] {
    return [...(this.jobTasks.get(jobUuid) ?? [])];
  }

  forgetPool(poolUuid: string): void {
    this.poolActive.delete(poolUuid);
  }

  forgetJob(jobUuid: string): void {
    this.jobTasks.delete(jobUuid);
  }
}

const NONE: ReadonlySet<TaskRec> = new Set();

function addTo(map: Map<string, Set<TaskRec>>, key: string, t: TaskRec): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(t);
}
