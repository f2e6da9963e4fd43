import { FINAL_TASK_STATES, qError, type TaskRec } from '../model.js';
import type { Account } from '../store.js';
import { armAutoDelete } from './auto-delete.js';
import type { Engine } from './engine.js';

/** A task with a result bucket whose upload neither ended (resultsCount is set then) nor failed. */
function resultsUploadCut(t: TaskRec): boolean {
  const bucket = t.input.resultBucket ?? t.input.resultsBucket;
  return typeof bucket === 'string' && bucket !== '' && t.resultsCount === undefined && !t.errors.some((err) => err.code === 'EMU-RESULTS');
}

/**
 * After loading a persisted state: tasks that had started an instance are ended (their
 * unfinished instances become Failure: the processes died with the previous emulator), tasks
 * none of whose instances started (Submitted, or dispatched and queued on their pool) start
 * again, pools and jobs resume.
 */
export function recover(e: Engine, acc: Account): void {
  const now = Date.now();
  for (const p of [...acc.pools.values()]) {
    p.slots = {};
    if (p.state === 'PendingDelete') acc.remove('pool', p.uuid);
    else if (p.state === 'Closing' || p.state === 'Closed') {
      e.transition(p, 'Closed');
      p.endDate ??= now;
      armAutoDelete(e, acc, p);
    } else if (p.state === 'Submitted' || p.state === 'FullyDispatched' || p.state === 'PartiallyDispatched') {
      p.state = 'Submitted';
      e.pools.submit(acc, p);
    } else if (p.state === 'PartiallyExecuting') e.transition(p, 'FullyExecuting');
  }
  for (const t of [...acc.tasks.values()]) {
    e.index.add(t);
    // Their uploads died with the previous emulator.
    for (const s of t.snapshots) if (s.status === 'Triggered' || s.status === 'InProgress') s.status = 'Failure';
    if (FINAL_TASK_STATES.has(t.state)) {
      armAutoDelete(e, acc, t);
      continue;
    }
    if (t.state === 'UploadingResults' && !t.cancelRequested && resultsUploadCut(t)) {
      t.errors.push(qError('EMU-RESTART', 'The results upload was interrupted: the emulator stopped while it ran'));
      e.tasks.finalize(acc, t, 'Failure');
      continue;
    }
    if (!t.cancelRequested && !e.instancesOf(t).some((i) => i.attempts > 0)) {
      // Never started (held by dependencies, dispatched, or queued on its pool): nothing
      // of it died with the previous emulator, so it is submitted again (as pools are).
      t.state = 'Submitted';
      t.executionStart = null;
      continue;
    }
    for (const inst of e.instancesOf(t)) {
      if (inst.state !== 'Queued' && inst.state !== 'Running') continue;
      if (inst.execStart !== null) inst.execMs += Math.max(0, now - inst.execStart);
      inst.execStart = null;
      inst.pid = null;
      inst.slot = null;
      inst.phase = null;
      inst.end = now;
      if (t.cancelRequested) inst.state = 'Cancelled';
      else {
        inst.state = 'Failure';
        inst.error = qError('EMU-RESTART', `Instance ${inst.id} failed: the emulator stopped while it was running`);
        t.errors.push(inst.error);
      }
    }
    const state = t.cancelRequested ? 'Cancelled' : e.instancesOf(t).some((i) => i.state === 'Failure') ? 'Failure' : 'Success';
    e.tasks.finalize(acc, t, state);
  }
  for (const j of [...acc.jobs.values()]) {
    if (j.state === 'Terminating') e.jobs.checkDone(acc, j);
    else if (j.state === 'Completed') armAutoDelete(e, acc, j);
    else e.jobs.submit(acc, j);
  }
  // As when created: its maxTimeQueueSeconds counts from its creation, across the restart.
  for (const t of [...acc.tasks.values()]) if (t.state === 'Submitted') e.tasks.submit(acc, t);
  for (const p of acc.pools.values()) e.pools.pump(acc, p);
}
