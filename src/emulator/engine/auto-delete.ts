import type { AnyRec } from '../model.js';
import type { Account } from '../store.js';
import { parseTimeSpan } from '../util.js';
import type { Engine } from './engine.js';

const timerKey = (uuid: string) => `${uuid}:ttl`;

/** completionTimeToLive in ms when autoDeleteOnCompletion is set (jobs keep both as fields, tasks and pools in their input), else null. */
function timeToLive(rec: AnyRec): number | null {
  if (rec.kind === 'job') return rec.autoDeleteOnCompletion ? (parseTimeSpan(rec.completionTimeToLive) ?? 0) : null;
  return rec.input.autoDeleteOnCompletion === true ? (parseTimeSpan(rec.input.completionTimeToLive ?? '00:00:00') ?? 0) : null;
}

/**
 * autoDeleteOnCompletion: an ended task, closed pool or completed job is deleted
 * completionTimeToLive after its end date, also when that was before a restart.
 */
export function armAutoDelete(e: Engine, acc: Account, rec: AnyRec): void {
  const ttl = timeToLive(rec);
  if (ttl === null) return;
  const at = (rec.endDate ?? Date.now()) + ttl;
  e.timers.later(timerKey(rec.uuid), at - Date.now(), () => {
    if (rec.kind === 'task') {
      if (acc.tasks.get(rec.uuid) === rec) e.tasks.delete(acc, rec);
    } else if (rec.kind === 'pool') {
      if (acc.pools.get(rec.uuid) === rec) e.pools.delete(acc, rec);
    } else if (acc.jobs.get(rec.uuid) === rec) e.jobs.delete(acc, rec, true);
  });
}

/** A record deleted by other means needs no auto-delete any more. */
export function cancelAutoDelete(e: Engine, uuid: string): void {
  e.timers.clear(timerKey(uuid));
}
