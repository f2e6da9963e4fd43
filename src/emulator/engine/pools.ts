import { qError, type PoolRec } from '../model.js';
import { slotCapacity } from '../slots.js';
import type { Account } from '../store.js';
import { armAutoDelete, cancelAutoDelete } from './auto-delete.js';
import type { Engine } from './engine.js';

/** A pool's life: dispatched, executing (its slots given to its tasks' instances), closed, deleted. */
export class Pools {
  constructor(private readonly e: Engine) {}

  submit(acc: Account, p: PoolRec): void {
    this.e.timers.later(p.uuid, this.e.phaseMs, () => {
      if (p.state !== 'Submitted') return;
      this.e.transition(p, 'FullyDispatched');
      this.e.timers.later(p.uuid, this.e.phaseMs, () => {
        if (p.state !== 'FullyDispatched') return;
        this.e.transition(p, 'FullyExecuting');
        for (const t of [...this.e.index.activeOnPool(p.uuid)]) this.e.tasks.tryStart(acc, t);
        this.pump(acc, p);
      });
    });
  }

  /** Gives free pool slots to queued instances, oldest task first. */
  pump(acc: Account, p: PoolRec): void {
    if (p.state !== 'FullyExecuting' || acc.pools.get(p.uuid) !== p) return;
    const used = new Set(Object.keys(p.slots).map(Number));
    const free: number[] = [];
    for (let s = 0, n = slotCapacity(p); s < n; s++) if (!used.has(s)) free.push(s);
    for (const t of this.e.index.activeOnPool(p.uuid)) {
      if (!free.length) break;
      if (t.executionStart === null || t.cancelRequested) continue;
      for (const inst of this.e.instancesOf(t)) {
        if (!free.length) break;
        if (inst.state !== 'Queued') continue;
        const slot = free.shift()!;
        p.slots[slot] = `${t.uuid}:${inst.id}`;
        this.e.instances.start(acc, t, inst, slot);
      }
      this.e.instances.refreshExecState(t);
    }
  }

  /** Instances queued or running on a pool, across its tasks. */
  queuedOrRunning(poolUuid: string): number {
    let n = 0;
    for (const t of this.e.index.activeOnPool(poolUuid)) {
      for (const i of this.e.instancesOf(t)) if (i.state === 'Queued' || i.state === 'Running') n++;
    }
    return n;
  }

  close(acc: Account, p: PoolRec): void {
    if (p.state === 'Closing' || p.state === 'Closed' || p.state === 'PendingDelete') return;
    this.e.timers.clear(p.uuid);
    this.e.transition(p, 'Closing');
    for (const t of [...this.e.index.activeOnPool(p.uuid)]) {
      this.e.tasks.abort(acc, t, qError('EMU-POOL-CLOSED', 'The task was cancelled: its pool was closed'));
    }
    this.e.timers.later(p.uuid, this.e.phaseMs, () => this.closed(acc, p));
  }

  private closed(acc: Account, p: PoolRec): void {
    if (p.state !== 'Closing') return;
    this.e.transition(p, 'Closed');
    p.endDate = Date.now();
    armAutoDelete(this.e, acc, p);
  }

  delete(acc: Account, p: PoolRec): void {
    this.close(acc, p);
    this.e.timers.clear(p.uuid);
    cancelAutoDelete(this.e, p.uuid);
    this.e.index.forgetPool(p.uuid);
    acc.remove('pool', p.uuid);
    this.e.changed();
  }
}
