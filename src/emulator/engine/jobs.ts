import { FINAL_TASK_STATES, qError, type JobRec, type QError } from '../model.js';
import type { Account } from '../store.js';
import { forbidden, parseTimeSpan } from '../util.js';
import { armAutoDelete, cancelAutoDelete } from './auto-delete.js';
import type { Engine } from './engine.js';

/** A job's life: active until maxWallTime or terminated, completed once its tasks ended, deleted. */
export class Jobs {
  constructor(private readonly e: Engine) {}

  submit(acc: Account, j: JobRec): void {
    const wall = parseTimeSpan(j.maxWallTime) ?? 0;
    if (wall > 0 && j.state === 'Active') {
      this.e.timers.later(j.uuid, j.creationDate + wall - Date.now(), () => {
        if (j.state !== 'Active') return;
        this.terminate(acc, j, qError('EMU-MAX-WALL-TIME', 'The task was cancelled: the job maxWallTime was exceeded'));
      });
    }
  }

  terminate(acc: Account, j: JobRec, reason?: QError): void {
    if (j.state !== 'Active') return;
    this.e.timers.clear(j.uuid);
    this.e.transition(j, 'Terminating');
    for (const t of this.e.index.ofJob(j.uuid)) {
      this.e.tasks.abort(acc, t, reason ?? qError('EMU-JOB-TERMINATED', 'The task was cancelled: its job was terminated'));
    }
    this.checkDone(acc, j);
  }

  /** A terminating job completes once all its tasks ended. */
  checkDone(acc: Account, j: JobRec): void {
    if (j.state !== 'Terminating') return;
    if (this.e.index.ofJob(j.uuid).some((t) => !FINAL_TASK_STATES.has(t.state))) return;
    this.e.transition(j, 'Completed');
    j.endDate = Date.now();
    armAutoDelete(this.e, acc, j);
  }

  delete(acc: Account, j: JobRec, force: boolean): void {
    const tasks = this.e.index.ofJob(j.uuid);
    if (tasks.length && !force) {
      throw forbidden(`The job still has ${tasks.length} task(s): use ?force=true to delete the job and its tasks`);
    }
    for (const t of tasks) this.e.tasks.delete(acc, t);
    this.e.timers.clear(j.uuid);
    cancelAutoDelete(this.e, j.uuid);
    this.e.index.forgetJob(j.uuid);
    acc.remove('job', j.uuid);
    this.e.changed();
  }
}
