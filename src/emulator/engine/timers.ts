/**
 * The engine's timers by owner (a task, pool or job uuid, or a key such as `<uuid>:ttl`), so an
 * owner's pending timers can be cleared together. Nothing fires once stopped.
 */
export class Timers {
  private readonly byOwner = new Map<string, Set<NodeJS.Timeout>>();
  stopped = false;

  /** `onFire` runs before each callback (the engine counts it as a change). */
  constructor(private readonly onFire: () => void) {}

  later(owner: string, ms: number, fn: () => void): void {
    if (this.stopped) return;
    let set = this.byOwner.get(owner);
    if (!set) this.byOwner.set(owner, (set = new Set()));
    const timer = setTimeout(() => {
      set.delete(timer);
      this.onFire();
      if (!this.stopped) fn();
    }, Math.max(0, ms));
    set.add(timer);
  }

  clear(owner: string): void {
    const set = this.byOwner.get(owner);
    if (!set) return;
    for (const timer of set) clearTimeout(timer);
    this.byOwner.delete(owner);
  }

  stop(): void {
    this.stopped = true;
    for (const set of this.byOwner.values()) for (const timer of set) clearTimeout(timer);
    this.byOwner.clear();
  }
}
