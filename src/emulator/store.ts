import type { AccountState, AnyRec, JobRec, PoolRec, ResourceKind, TaskRec } from './model.js';
import type { OutputSet } from './output-buffer.js';

type RecOf<K extends ResourceKind> = K extends 'task' ? TaskRec : K extends 'pool' ? PoolRec : JobRec;

/** One user's resources. Accounts never see each other's records. */
export class Account implements AccountState {
  tasks = new Map<string, TaskRec>();
  pools = new Map<string, PoolRec>();
  jobs = new Map<string, JobRec>();
  outputs = new Map<string, OutputSet>();
  nextSeq = 1;
  lastCreation = 0;
  /** Records in creation order, so pagination can binary-search instead of sorting. */
  private readonly order: Record<ResourceKind, AnyRec[]> = { task: [], pool: [], job: [] };
  private readonly orderStale: Record<ResourceKind, boolean> = { task: false, pool: false, job: false };
  private readonly shortnames: Record<ResourceKind, Map<string, string>> = {
    task: new Map(),
    pool: new Map(),
    job: new Map(),
  };

  constructor(
    readonly email: string,
    readonly token: string,
  ) {}

  map<K extends ResourceKind>(kind: K): Map<string, RecOf<K>> {
    return (kind === 'task' ? this.tasks : kind === 'pool' ? this.pools : this.jobs) as unknown as Map<string, RecOf<K>>;
  }

  /** Path segments accept the uuid or the shortname. */
  find<K extends ResourceKind>(kind: K, id: string): RecOf<K> | undefined {
    const m = this.map(kind);
    const direct = m.get(id) ?? m.get(id.toLowerCase());
    if (direct) return direct;
    const uuid = this.shortnames[kind].get(id);
    return uuid ? m.get(uuid) : undefined;
  }

  shortnameOwner(kind: ResourceKind, shortname: string): string | undefined {
    return this.shortnames[kind].get(shortname);
  }

  add(rec: AnyRec): void {
    (this.map(rec.kind) as Map<string, AnyRec>).set(rec.uuid, rec);
    this.shortnames[rec.kind].set(rec.shortname, rec.uuid);
    const list = this.order[rec.kind];
    if (list.length && list[list.length - 1]!.seq > rec.seq) this.orderStale[rec.kind] = true;
    list.push(rec);
  }

  /** Live records sorted by seq (creation order). The array is shared: do not mutate it. */
  ordered<K extends ResourceKind>(kind: K): readonly RecOf<K>[] {
    if (this.orderStale[kind]) {
      const m = this.map(kind) as Map<string, AnyRec>;
      this.order[kind] = this.order[kind].filter((r) => m.get(r.uuid) === r).sort((a, b) => a.seq - b.seq);
      this.orderStale[kind] = false;
    }
    return this.order[kind] as unknown as RecOf<K>[];
  }

  remove(kind: ResourceKind, uuid: string): void {
    const m = this.map(kind) as Map<string, AnyRec>;
    const rec = m.get(uuid);
    if (!rec) return;
    m.delete(uuid);
    this.orderStale[kind] = true;
    if (this.shortnames[kind].get(rec.shortname) === uuid) this.shortnames[kind].delete(rec.shortname);
    this.outputs.delete(uuid);
  }

  /**
   * Creation dates never go backwards within an account, so creation order, seq order and
   * creationDate order agree; pagination relies on it.
   */
  nextCreation(): { seq: number; date: number } {
    const date = Math.max(Date.now(), this.lastCreation);
    this.lastCreation = date;
    return { seq: this.nextSeq++, date };
  }
}
