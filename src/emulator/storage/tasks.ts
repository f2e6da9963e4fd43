import { queryCi, type Ctx } from '../core.js';
import type { InstanceRec, SnapshotConfig, TaskRec } from '../model.js';
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

  /** The instances' current files that pass the snapshot lists, to the snapshot bucket (default: the result bucket). */
  async snapshot(acc: Account, t: TaskRec, dirs: Map<number, string>, config: SnapshotConfig, progress: (sizeToUpload: number, transferred: number) => void): Promise<void> {
    const bucket = str(config.bucket) ?? str(t.input.resultBucket);
    // Nowhere to upload to: an empty snapshot.
    if (!bucket) return progress(0, 0);
    const target: UploadTarget = {
      bucket,
      prefix: str(config.bucketPrefix) ?? '',
      whitelist: listRegex('snapshot whitelist', config.whitelist),
      blacklist: listRegex('snapshot blacklist', config.blacklist),
    };
    const chosen = await Promise.all([...dirs.values()].map(async (dir) => ({ dir, files: await this.data.select(dir, target, null) })));
    const size = chosen.reduce((n, c) => n + c.files.reduce((m, f) => m + f.size, 0), 0);
    let done = 0;
    progress(size, 0);
    for (const c of chosen) await this.data.upload(acc.email, c.dir, c.files, target, (n) => progress(size, (done += n)));
  }

  forget(t: TaskRec): void {
    this.baselines.delete(t.uuid);
  }
}

/**
 * `DELETE /tasks/{uuid}?purgeResources=true&purgeResults=true` (pools: purgeResources): deletes
 * those buckets with their contents, as the SDKs ask when deleting with purge.
 */
export async function purgeOnDelete(ctx: Ctx, input: Record<string, unknown>): Promise<void> {
  const flag = (name: string) => queryCi(ctx.query, name)?.toLowerCase() === 'true';
  const buckets = new Set<string>();
  if (flag('purgeResources')) for (const s of resourceSources(input)) buckets.add(s.bucket);
  const result = str(input.resultBucket) ?? str(input.resultsBucket);
  if (flag('purgeResults') && result) buckets.add(result);
  for (const name of buckets) await ctx.core.storage.store.purgeBucket(name, ctx.acc.email);
}
