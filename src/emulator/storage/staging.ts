import { copyFile, lstat, mkdir, readdir, rm, utimes } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import type { ObjectStore } from './store.js';

/** One resource bucket of a task or pool, as `resourceBuckets` or `advancedResourceBuckets` give it. */
export interface ResourceSource {
  bucket: string;
  /** Only keys starting with this (filtering.prefixFiltering.prefix). */
  prefix: string;
  /** Removed from the start of each key (resourcesTransformation.stripPrefix.prefix). */
  strip: string;
}

/** What a file looked like once staged: a file that still looks so was not changed by the task. */
interface Staged {
  size: number;
  mtimeMs: number;
  etag: string;
}
export type Baseline = Map<string, Staged>;

export interface UploadFilter {
  whitelist: RegExp | null;
  blacklist: RegExp | null;
}

export interface UploadTarget extends UploadFilter {
  bucket: string;
  prefix: string;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** The resource buckets of a task or pool input, in order (plain names or advanced ones). */
export function resourceSources(input: Record<string, unknown>): ResourceSource[] {
  const out: ResourceSource[] = [];
  for (const name of Array.isArray(input.resourceBuckets) ? input.resourceBuckets : []) {
    if (typeof name === 'string' && name) out.push({ bucket: name, prefix: '', strip: '' });
  }
  for (const adv of Array.isArray(input.advancedResourceBuckets) ? input.advancedResourceBuckets : []) {
    const a = (adv ?? {}) as { bucketName?: unknown; filtering?: { prefixFiltering?: { prefix?: unknown } } | null; resourcesTransformation?: { stripPrefix?: { prefix?: unknown } } | null };
    if (typeof a.bucketName !== 'string' || !a.bucketName) continue;
    out.push({ bucket: a.bucketName, prefix: str(a.filtering?.prefixFiltering?.prefix), strip: str(a.resourcesTransformation?.stripPrefix?.prefix) });
  }
  return out;
}

/** A regex of a white/black list, or an error message naming the field. */
export function listRegex(field: string, v: unknown): RegExp | null {
  if (typeof v !== 'string' || v === '') return null;
  try {
    return new RegExp(v);
  } catch (e) {
    throw new Error(`invalid ${field} regex: ${(e as Error).message}`);
  }
}

/**
 * A key as a path inside the working directory: empty and `.` segments dropped, null if a
 * segment is `..` (such a key is not placed: it would leave the directory).
 */
export function keyToRelative(key: string): string | null {
  const segs = key.split('/').filter((s) => s !== '' && s !== '.');
  if (!segs.length || segs.includes('..')) return null;
  return segs.join('/');
}

/** Every regular file under `dir`, as `/`-separated relative paths. Symbolic links are not followed. */
async function walk(dir: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(join(dir, rel), { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await walk(dir, r)));
    else if (e.isFile()) out.push(r);
  }
  return out;
}

const passes = (rel: string, f: UploadFilter) => (!f.whitelist || f.whitelist.test(rel)) && !(f.blacklist && f.blacklist.test(rel));

/**
 * Moves data between the object store and instance working directories: resources in before
 * an instance runs, results and snapshots out.
 */
export class InstanceData {
  constructor(private readonly store: ObjectStore) {}

  /**
   * Copies the objects of `sources` into `dir`, in order (a later bucket overwrites an earlier
   * one), and records them in `baseline`. A file already staged with the same ETag and not
   * changed since is left alone (re-syncs copy only what changed).
   */
  async stage(owner: string, sources: ResourceSource[], dir: string, baseline: Baseline): Promise<void> {
    await mkdir(dir, { recursive: true });
    for (const src of sources) {
      const b = this.store.find(src.bucket);
      if (!b || b.owner !== owner) throw new Error(`resource bucket '${src.bucket}' does not exist`);
      for (const meta of this.store.list(b, { prefix: src.prefix, delimiter: '', after: '', maxKeys: Infinity }).objects) {
        const stripped = src.strip && meta.key.startsWith(src.strip) ? meta.key.slice(src.strip.length) : meta.key;
        const rel = keyToRelative(stripped);
        if (rel === null || meta.key.endsWith('/')) continue;
        const path = join(dir, ...rel.split('/'));
        const before = baseline.get(rel);
        if (before && before.etag === meta.etag && (await this.unchanged(path, before))) continue;
        try {
          await mkdir(join(path, '..'), { recursive: true });
          await rm(path, { recursive: true, force: true });
          await copyFile(this.store.dataPath(b, meta), path);
          const at = new Date(meta.lastModified);
          await utimes(path, at, at);
          const st = await lstat(path);
          baseline.set(rel, { size: st.size, mtimeMs: st.mtimeMs, etag: meta.etag });
        } catch {
          // A key that cannot be a file here (e.g. "a" when "a/b" is a directory) is skipped.
        }
      }
    }
  }

  private async unchanged(path: string, was: Staged): Promise<boolean> {
    const st = await lstat(path).catch(() => null);
    return !!st && st.isFile() && st.size === was.size && st.mtimeMs === was.mtimeMs;
  }

  /** The files of `dir` that pass the filter and, with a baseline, were created or changed since staging. */
  async select(dir: string, filter: UploadFilter, baseline: Baseline | null): Promise<{ rel: string; size: number }[]> {
    const out: { rel: string; size: number }[] = [];
    for (const rel of await walk(dir)) {
      if (!passes(rel, filter)) continue;
      const st = await lstat(join(dir, ...rel.split('/'))).catch(() => null);
      if (!st?.isFile()) continue;
      const was = baseline?.get(rel);
      if (was && st.size === was.size && st.mtimeMs === was.mtimeMs) continue;
      out.push({ rel, size: st.size });
    }
    return out;
  }

  /**
   * Uploads files of `dir` to the target bucket (created if missing, as Qarnot does) under its
   * prefix; returns the keys written. `onBytes` follows the transfer.
   */
  async upload(owner: string, dir: string, files: { rel: string }[], target: UploadTarget, onBytes: (n: number) => void = () => undefined): Promise<string[]> {
    if (!files.length) return [];
    if (!this.store.find(target.bucket)) await this.store.createBucket(target.bucket, owner);
    const b = this.store.bucket(target.bucket, owner);
    const keys: string[] = [];
    for (const f of files) {
      const key = target.prefix + f.rel;
      const file = createReadStream(join(dir, ...f.rel.split('/')));
      const counted = new Transform({
        transform(chunk: Buffer, _enc, done) {
          onBytes(chunk.length);
          done(null, chunk);
        },
      });
      file.on('error', (e) => counted.destroy(e));
      await this.store.put(b, key, file.pipe(counted), { info: { contentType: 'application/octet-stream', metadata: {}, headers: {} }, contentLength: null });
      keys.push(key);
    }
    return keys;
  }
}

