import { rm } from 'node:fs/promises';
import { FINAL_TASK_STATES, qError, type QError, type TaskRec } from '../model.js';
import type { Account } from '../store.js';
import { armAutoDelete, cancelAutoDelete } from './auto-delete.js';
import { dependencyStatus } from './dependencies.js';
import type { Engine } from './engine.js';

/** A task's life: held by dependencies or its pool, dispatched, its results uploaded, ended, deleted. */
export class Tasks {
  constructor(private readonly e: Engine) {}

  submit(acc: Account, t: TaskRec): void {
    this.e.index.add(t);
    this.armQueueTimeout(acc, t);
    this.tryStart(acc, t);
  }

  /** maxTimeQueueSeconds: a task none of whose instances started in time is cancelled. */
  private armQueueTimeout(acc: Account, t: TaskRec): void {
    const seconds = t.input.maxTimeQueueSeconds;
    if (typeof seconds !== 'number' || seconds <= 0) return;
    this.e.timers.later(t.uuid, t.creationDate + seconds * 1000 - Date.now(), () => {
      if (this.e.instancesOf(t).some((i) => i.attempts > 0)) return;
      this.abort(acc, t, qError('EMU-MAX-QUEUE-TIME', `The task was cancelled: it waited in the queue longer than maxTimeQueueSeconds (${seconds} s)`));
    });
  }

  tryStart(acc: Account, t: TaskRec): void {
    if (t.state !== 'Submitted' || t.cancelRequested || this.e.timers.stopped) return;
    const deps = dependencyStatus(acc, t);
    if (deps === 'waiting') {
      t.dependencyState = 'waiting';
      this.e.index.waiting.set(t, acc);
      return;
    }
    this.e.index.waiting.delete(t);
    if (deps === 'ko') {
      t.dependencyState = 'dependencyConditionsNotFulfilled';
      this.abort(acc, t, qError('EMU-DEPENDENCY', 'The task was cancelled: its dependency conditions were not fulfilled'));
      return;
    }
    if (deps === 'ok') {
      t.dependencyState = 'dependencyConditionsFulfilled';
      this.e.changed();
    }
    if (t.poolUuid) {
      const pool = acc.pools.get(t.poolUuid);
      if (!pool || pool.state === 'Closing' || pool.state === 'Closed' || pool.state === 'PendingDelete' || pool.state === 'Failure') {
        this.abort(acc, t, qError('EMU-POOL-CLOSED', 'The task was cancelled: its pool is closed or gone'));
        return;
      }
      if (pool.state !== 'FullyExecuting') return; // started when the pool becomes ready
    }
    this.e.timers.later(t.uuid, this.e.phaseMs, () => this.dispatched(acc, t));
  }

  /** Tasks of the account held by their dependencies: one of them may have ended or gone. */
  private retryWaiting(acc: Account): void {
    for (const [w, wacc] of [...this.e.index.waiting]) if (wacc === acc) this.tryStart(wacc, w);
  }

  private dispatched(acc: Account, t: TaskRec): void {
    if (t.state !== 'Submitted' || t.cancelRequested) return;
    t.executionStart = Date.now();
    if (t.poolUuid) {
      const pool = acc.pools.get(t.poolUuid);
      this.e.transition(t, 'PartiallyDispatched');
      if (pool) this.e.pools.pump(acc, pool);
      return;
    }
    this.e.transition(t, 'FullyDispatched');
    for (const inst of this.e.instancesOf(t)) if (inst.state === 'Queued') this.e.instances.start(acc, t, inst, null);
  }

  /** Called when an instance ends: once none is queued or running, results are uploaded and the task ends. */
  checkDone(acc: Account, t: TaskRec): void {
    if (FINAL_TASK_STATES.has(t.state)) return;
    const insts = this.e.instancesOf(t);
    if (insts.some((i) => i.state === 'Queued' || i.state === 'Running')) return;
    if (t.cancelRequested && (t.input.uploadResultsOnCancellation !== true || t.state === 'UploadingResults')) {
      this.finalize(acc, t, 'Cancelled');
      return;
    }
    if (t.state === 'UploadingResults') return;
    this.e.transition(t, 'UploadingResults');
    const state = t.cancelRequested ? 'Cancelled' : insts.some((i) => i.state === 'Failure') ? 'Failure' : insts.some((i) => i.state === 'Cancelled') ? 'Cancelled' : 'Success';
    const uploaded = this.uploadResults(acc, t);
    this.e.timers.later(t.uuid, this.e.phaseMs, () => void uploaded.then(() => !this.e.timers.stopped && this.finalize(acc, t, state)));
  }

  private async uploadResults(acc: Account, t: TaskRec): Promise<void> {
    const data = this.e.opts.data;
    if (!data) return;
    const dirs = new Map(this.e.instancesOf(t).filter((i) => i.attempts > 0).map((i) => [i.id, this.e.workDir(t.uuid, i.id)]));
    try {
      await data.uploadResults(acc, t, dirs);
    } catch (e) {
      t.errors.push(qError('EMU-RESULTS', `The results could not be uploaded: ${(e as Error).message}`));
    }
    this.e.changed();
  }

  finalize(acc: Account, t: TaskRec, state: 'Success' | 'Failure' | 'Cancelled'): void {
    if (FINAL_TASK_STATES.has(t.state)) return;
    this.e.transition(t, state);
    t.endDate = Date.now();
    this.e.timers.clear(t.uuid);
    this.e.instances.forget(t.uuid);
    this.e.opts.data?.forget(t);
    this.onFinal(acc, t);
  }

  private onFinal(acc: Account, t: TaskRec): void {
    this.e.index.leavePool(t);
    this.retryWaiting(acc);
    if (t.jobUuid) {
      const job = acc.jobs.get(t.jobUuid);
      if (job) this.e.jobs.checkDone(acc, job);
    }
    armAutoDelete(this.e, acc, t);
  }

  /** Returns false when the task already ended (nothing to abort). */
  abort(acc: Account, t: TaskRec, reason?: QError): boolean {
    if (FINAL_TASK_STATES.has(t.state)) return false;
    t.cancelRequested = true;
    this.e.index.waiting.delete(t);
    if (reason) t.errors.push(reason);
    const wasSubmitted = t.state === 'Submitted';
    // Pending phase timers (dispatch, download, upload) no longer matter.
    this.e.timers.clear(t.uuid);
    if (!wasSubmitted) this.e.transition(t, 'PendingCancel');
    const now = Date.now();
    for (const inst of this.e.instancesOf(t)) {
      if (inst.state === 'Queued') {
        inst.state = 'Cancelled';
        inst.end = now;
      } else if (inst.state === 'Running') {
        const h = this.e.instances.handle(t.uuid, inst.id);
        if (h) h.cancel();
        else {
          if (inst.execStart !== null) inst.execMs += now - inst.execStart;
          inst.execStart = null;
          inst.state = 'Cancelled';
          inst.phase = null;
          inst.end = now;
          this.e.instances.releaseSlot(acc, t, inst);
        }
      }
    }
    this.e.changed();
    this.checkDone(acc, t);
    return true;
  }

  delete(acc: Account, t: TaskRec): void {
    this.abort(acc, t);
    const handles = this.e.instances.handles(t.uuid);
    this.e.timers.clear(t.uuid);
    cancelAutoDelete(this.e, t.uuid);
    this.e.timers.clear(`${t.uuid}:snap`);
    this.e.timers.clear(`${t.uuid}:periodic`);
    this.e.instances.forget(t.uuid);
    this.e.index.remove(t);
    this.e.opts.data?.forget(t);
    acc.remove('task', t.uuid);
    if (t.jobUuid) {
      const job = acc.jobs.get(t.jobUuid);
      if (job) this.e.jobs.checkDone(acc, job);
    }
    this.retryWaiting(acc);
    this.e.changed();
    // Working directories go once their processes are gone.
    void Promise.all(handles.map((h) => h.done)).then(() => rm(this.e.taskDir(t.uuid), { recursive: true, force: true }).catch(() => undefined));
  }
}
