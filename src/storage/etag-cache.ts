import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { etagForm, localEtagLike } from './etag.js';
import type { LocalFile } from './local.js';
import { makeDirectory } from '../lib/make-dir.js';

// Sync compares contents (the local MD5 against the object's ETag) where rclone and the AWS
// CLI compare sizes and times only. Without a memory of what was read, every run would read
// the whole tree again: seconds for a few GB, minutes for the inputs of a large job. So the
// ETags of a tree's files are kept between runs, each with the file's size, times and inode,
// and used only while those are unchanged (as git's index and rclone's hasher do).

/** A file changed less than this before it was hashed might change again within the same clock tick, unseen: never remembered. */
const RACY_MS = 2000;

/** [stamp of the file when hashed, ETag form ('md5' or the part size), ETag] */
type Entry = [string, string, string];

interface CacheFile {
  version: 1;
  entries: Record<string, Entry>;
}

/** The remembered ETags of one local tree, under `dir` (one file per tree). */
export class EtagCache {
  private readonly file: string | undefined;
  private readonly entries: Map<string, Entry>;
  private readonly fresh = new Map<string, Entry>();

  /** `dir` undefined: nothing is remembered (a cache that cannot be read or written only costs time). */
  constructor(dir: string | undefined, root: string) {
    this.file = dir === undefined ? undefined : join(dir, `${createHash('sha256').update(resolve(root)).digest('hex').slice(0, 32)}.json`);
    this.entries = this.read();
  }

  /** The file's ETag in the form of `remoteEtag`, from memory when the file has not changed since. */
  async etagLike(file: LocalFile, remoteEtag: string): Promise<string | undefined> {
    const form = String(etagForm(file.size, remoteEtag));
    const known = this.entries.get(file.rel);
    if (Array.isArray(known) && known[0] === file.stamp && known[1] === form && typeof known[2] === 'string') {
      this.fresh.set(file.rel, known);
      return known[2];
    }
    const startedAt = Date.now();
    const etag = await localEtagLike(file.path, file.size, remoteEtag);
    if (etag !== undefined && file.mtimeMs < startedAt - RACY_MS) this.fresh.set(file.rel, [file.stamp, form, etag]);
    return etag;
  }

  /**
   * Writes what this run used or learnt, with what it kept of files it did not compare
   * (`present`: the tree's files now): a file gone from the tree is forgotten.
   */
  save(present: readonly LocalFile[]): void {
    if (this.file === undefined) return;
    const entries: [string, Entry][] = [];
    for (const f of present) {
      const entry = this.fresh.get(f.rel) ?? this.entries.get(f.rel);
      if (Array.isArray(entry) && entry[0] === f.stamp) entries.push([f.rel, entry]);
    }
    try {
      makeDirectory(join(this.file, '..'), 0o700);
      const tmp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ version: 1, entries: Object.fromEntries(entries) } satisfies CacheFile), { mode: 0o600 });
      renameSync(tmp, this.file);
    } catch {
      // A read-only or full disk only costs the cache.
    }
  }

  private read(): Map<string, Entry> {
    if (this.file === undefined) return new Map();
    try {
      const data = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<CacheFile>;
      return new Map(data.version === 1 && data.entries && typeof data.entries === 'object' ? Object.entries(data.entries) : []);
    } catch {
      return new Map();
    }
  }
}
