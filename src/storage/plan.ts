import type { LocalFile } from './local.js';
import type { ObjectEntry } from './objects.js';

export interface RemoteFile extends ObjectEntry {
  /** The key less the synced prefix: the path under the local root. */
  rel: string;
}

export interface SyncPlan<S, D> {
  /** Missing at the destination, or of another size: transferred without reading them. */
  transfer: S[];
  /** Same size on both sides: the content decides (ETag against the local MD5). */
  compare: [S, D][];
  /** At the destination only: deleted with --delete. */
  extra: D[];
}

/**
 * Pairs the two sides by relative path. Size first: a size difference needs no
 * hashing; equal sizes go to `compare`. Pure: the hashing is the caller's.
 */
export function planSync<S extends { rel: string; size: number }, D extends { rel: string; size: number }>(sources: S[], destinations: D[]): SyncPlan<S, D> {
  const byRel = new Map(destinations.map((d) => [d.rel, d]));
  const plan: SyncPlan<S, D> = { transfer: [], compare: [], extra: [] };
  const seen = new Set<string>();
  for (const source of sources) {
    seen.add(source.rel);
    const destination = byRel.get(source.rel);
    if (destination === undefined || destination.size !== source.size) plan.transfer.push(source);
    else plan.compare.push([source, destination]);
  }
  for (const destination of destinations) if (!seen.has(destination.rel)) plan.extra.push(destination);
  return plan;
}

/** Remote objects under `prefix` as files relative to it; folder markers (`x/`) are not files. */
export function remoteFiles(objects: ObjectEntry[], prefix: string): RemoteFile[] {
  return objects
    .filter((o) => o.key.startsWith(prefix) && o.key.length > prefix.length && !o.key.endsWith('/'))
    .map((o) => ({ ...o, rel: o.key.slice(prefix.length) }));
}

export type { LocalFile };
