import type { InstanceRec, TaskRec } from '../model.js';
import type { Account } from '../store.js';
import { InstanceData, listRegex, resourceSources, type Baseline, type UploadTarget } from './staging.js';
import type { ObjectStore } from './store.js';

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);

/**
 * What the engine asks of storage for tasks: resources into instances before they run,
 * results out when the task ends. Holds what was staged per instance (in memory: a task
 * interrupted by a restart ends in Failure anyway).
 */
export class TaskStorage {
  private readonly data: InstanceData;
  private readonly baselines = new Map<string, Map<number, Baseline>>();

  constructor(readonly store: ObjectStore) {
    this.data = new InstanceData(store);
  }

  private baseline(t: TaskRec, instanceId: number): Baseline {
    let byInst = this.baselines.get(t.uuid);
    if (!byInst) this.baselines.set(t.uuid, (byInst = new Map()));
    let b = byInst.get(instanceId);
    if (!b) byInst.set(instanceId, (b = new Map()));
    return b;
  }

  /** The pool's resources, then the task's own: later buckets overwrite earlier ones. */
  private sources(acc: Account, t: TaskRec) {
    const pool = t.poolUuid ? acc.pools.get(t.poolUuid) : undefined;
    return [...(pool ? resourceSources(pool.input) : []), ...resourceSources(t.input)];
  }

  async stage(acc: Account, t: TaskRec, inst: InstanceRec, dir: string): Promise<void> {
    await this.data.stage(acc.email, this.sources(acc, t), dir, this.baseline(t, inst.id));
  }

  /** Results of the instances that ran: files they created or changed, through the white/black lists. */
  async uploadResults(acc: Account, t: TaskRec, dirs: Map<number, string>): Promise<void> {
    try {
      const bucket = str(t.input.resultBucket) ?? str(t.input.resultsBucket);
      if (!bucket) return;
      const target: UploadTarget = {
        bucket,
        prefix: str(t.input.resultsBucketPrefix) ?? '',
        whitelist: listRegex('resultsWhitelist', t.input.resultsWhitelist),
        blacklist: listRegex('resultsBlacklist', t.input.resultsBlacklist),
      };
      let count = 0;
      for (const [id, dir] of dirs) {
        const files = await this.data.select(dir, target, this.baselines.get(t.uuid)?.get(id) ?? null);
        count += (await this.data.upload(acc.email, dir, files, target)).length;
      }
      t.resultsCount = (t.resultsCount ?? 0) + count;
    } finally {
      this.baselines.delete(t.uuid);
    }
  }

  forget(t: TaskRec): void {
    this.baselines.delete(t.uuid);
  }
}
