import { FINAL_TASK_STATES, qError, type SnapshotConfig, type SnapshotRec, type TaskRec } from '../model.js';
import type { Account } from '../store.js';
import type { Engine } from './engine.js';

/** Snapshots: the running instances' files uploaded on request or every snapshotInterval seconds. */
export class Snapshots {
  constructor(private readonly e: Engine) {}

  /**
   * A unique snapshot: Triggered, then InProgress (one phase later) while the running instances'
   * files are uploaded, then Success (at least one more phase) or Failure.
   */
  run(acc: Account, t: TaskRec, snap: SnapshotRec): void {
    const update = (status: NonNullable<SnapshotRec['status']>) => {
      snap.status = status;
      snap.lastUpdate = Date.now();
      this.e.changed();
    };
    update('Triggered');
    this.e.timers.later(`${t.uuid}:snap`, this.e.phaseMs, () => {
      update('InProgress');
      const ends = Date.now() + this.e.phaseMs;
      void this.upload(acc, t, snap.config, (size, done) => {
        snap.sizeToUpload = size;
        snap.transferredSize = done;
      }).then((ok) => this.e.timers.later(`${t.uuid}:snap`, ends - Date.now(), () => update(ok ? 'Success' : 'Failure')));
    });
  }

  /** (Re)arms the periodic snapshot: every snapshotInterval seconds while the task runs; 0 stops it. */
  armPeriodic(acc: Account, t: TaskRec): void {
    this.e.timers.clear(`${t.uuid}:periodic`);
    if (t.snapshotInterval <= 0) return;
    this.e.timers.later(`${t.uuid}:periodic`, t.snapshotInterval * 1000, () => {
      if (FINAL_TASK_STATES.has(t.state) || acc.tasks.get(t.uuid) !== t) return;
      const config = { whitelist: t.snapshotWhitelist, blacklist: t.snapshotBlacklist, bucket: t.snapshotBucket, bucketPrefix: t.snapshotBucketPrefix };
      void this.upload(acc, t, config, () => undefined).then(() => this.armPeriodic(acc, t));
    });
  }

  private async upload(acc: Account, t: TaskRec, config: SnapshotConfig, progress: (size: number, done: number) => void): Promise<boolean> {
    const data = this.e.opts.data;
    if (!data) return true;
    const dirs = new Map(this.e.instancesOf(t).filter((i) => i.state === 'Running').map((i) => [i.id, this.e.workDir(t.uuid, i.id)]));
    try {
      await data.snapshot(acc, t, dirs, config, progress);
      return true;
    } catch (e) {
      t.errors.push(qError('EMU-SNAPSHOT', `The snapshot could not be uploaded: ${(e as Error).message}`));
      return false;
    }
  }
}
