import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { quotaExceeded, receive, type BodyChecks, type Received } from './body.js';
import { S3Error, invalidArgument, noSuchBucket, noSuchKey, noSuchUpload } from './xml.js';
import { makeDirectory } from '../../lib/make-dir.js';

export interface ObjectInfo {
  contentType: string;
  /** x-amz-meta-* values by lowercase name, without the prefix. */
  metadata: Record<string, string>;
  /** Stored and returned as sent: cache-control, content-disposition, content-encoding, content-language, expires. */
  headers: Record<string, string>;
}

export interface ObjectMeta extends ObjectInfo {
  key: string;
  size: number;
  /** Without quotes: md5 hex, or md5(concat(part md5s))-N for multipart objects. */
  etag: string;
  lastModified: number;
  /** Data file in the bucket's directory; a new one per write, committed by renaming the metadata file. */
  file: string;
}

export interface Bucket {
  name: string;
  owner: string;
  created: number;
  dir: string;
  objects: Map<string, ObjectMeta>;
  bytes: number;
  sortedKeys: string[] | null;
}

interface PartMeta {
  number: number;
  etag: string;
  size: number;
  lastModified: number;
}

export interface Upload extends ObjectInfo {
  id: string;
  bucket: string;
  key: string;
  owner: string;
  initiated: number;
  dir: string;
  parts: Map<number, PartMeta>;
}

export interface ListOptions {
  prefix: string;
  delimiter: string;
  /** Return only what sorts after this (a key, or a common prefix already returned). */
  after: string;
  maxKeys: number;
}

interface ListResult {
  objects: ObjectMeta[];
  prefixes: string[];
  truncated: boolean;
  /** The last key or common prefix returned: the continuation point. */
  last: string | null;
}

interface WriteOptions {
  info: ObjectInfo;
  checks?: BodyChecks;
  contentLength: number | null;
}

const MIN_PART_BYTES = 5 * 1024 * 1024;
const MAX_PARTS = 10_000;

/** Safe file names for arbitrary UTF-8 names and keys: nothing user-chosen ever reaches a path. */
const fileName = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const newId = () => randomBytes(16).toString('hex');

/** Order of UTF-8 bytes (S3's listing order), which is code point order, not UTF-16's. */
export function compareKeys(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      // Surrogates (astral code points) sort after U+E000..U+FFFF in code point order.
      x = x < 0xe000 ? x + 0x2000 : x - 0x800;
      y = y < 0xe000 ? y + 0x2000 : y - 0x800;
    }
    return x - y;
  }
  return a.length - b.length;
}

async function writeJson(path: string, value: unknown): Promise<void> {
  const tmp = `${path}.${newId()}.tmp`;
  await writeFile(tmp, JSON.stringify(value));
  await rename(tmp, path);
}

function readJson<T>(path: string): T | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return null;
  }
}

/** S3 bucket naming rules, as Ceph enforces them by default. */
export function checkBucketName(name: string): void {
  const ok =
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) && !name.includes('..') && !/^\d+\.\d+\.\d+\.\d+$/.test(name);
  if (!ok) {
    throw new S3Error(400, 'InvalidBucketName', `The specified bucket is not valid: "${name}" (3 to 63 characters: lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit).`);
  }
}

/**
 * Buckets and objects on disk under `root`, with an in-memory index of the metadata (never of
 * the data). Every write goes to a temporary file first, then is renamed into place, so a crash
 * never leaves a half-written object visible.
 */
export class ObjectStore {
  private readonly buckets = new Map<string, Bucket>();
  private readonly uploads = new Map<string, Upload>();
  /** Uploads completed lately (the last 1000): S3 answers a retried CompleteMultipartUpload as the first. */
  private readonly completed = new Map<string, { bucket: string; key: string; etag: string }>();
  /** Bytes being received per account, so parallel uploads cannot overshoot the quota together. */
  private readonly incoming = new Map<string, number>();
  readonly tmpDir: string;

  constructor(
    private readonly root: string,
    readonly quotaBytes: number | null,
  ) {
    this.tmpDir = join(root, 'tmp');
    rmSync(this.tmpDir, { recursive: true, force: true });
    makeDirectory(this.tmpDir);
    makeDirectory(join(root, 'buckets'));
    makeDirectory(join(root, 'uploads'));
    this.load();
  }

  private load(): void {
    for (const d of readdirSync(join(this.root, 'buckets'))) {
      const dir = join(this.root, 'buckets', d);
      const rec = readJson<{ name: string; owner: string; created: number }>(join(dir, 'bucket.json'));
      if (!rec) continue;
      const b: Bucket = { ...rec, dir, objects: new Map(), bytes: 0, sortedKeys: null };
      const files = readdirSync(dir).filter((f) => f !== 'bucket.json');
      const used = new Set<string>();
      for (const f of files) {
        if (!f.endsWith('.json')) continue;
        const meta = readJson<ObjectMeta>(join(dir, f));
        if (!meta || !existsSync(join(dir, meta.file))) continue;
        b.objects.set(meta.key, meta);
        b.bytes += meta.size;
        used.add(meta.file).add(f);
      }
      // Data of writes that never committed (the emulator died in between).
      for (const f of files) if (!used.has(f)) rmSync(join(dir, f), { force: true });
      this.buckets.set(b.name, b);
    }
    for (const id of readdirSync(join(this.root, 'uploads'))) {
      const dir = join(this.root, 'uploads', id);
      const rec = readJson<Omit<Upload, 'parts' | 'dir'>>(join(dir, 'upload.json'));
      if (!rec || !this.buckets.has(rec.bucket)) {
        rmSync(dir, { recursive: true, force: true });
        continue;
      }
      const u: Upload = { ...rec, dir, parts: new Map() };
      for (const f of readdirSync(dir)) {
        const m = /^(\d+)\.json$/.exec(f);
        const part = m ? readJson<PartMeta>(join(dir, f)) : null;
        if (part && existsSync(join(dir, `${part.number}.part`))) u.parts.set(part.number, part);
      }
      this.uploads.set(id, u);
    }
  }

  // ---------- buckets ----------

  listBuckets(owner: string): Bucket[] {
    return [...this.buckets.values()].filter((b) => b.owner === owner).sort((a, b) => compareKeys(a.name, b.name));
  }

  find(name: string): Bucket | undefined {
    return this.buckets.get(name);
  }

  /** The bucket, if it exists and belongs to `owner`: another account's bucket is AccessDenied. */
  bucket(name: string, owner: string): Bucket {
    const b = this.buckets.get(name);
    if (!b) throw noSuchBucket(name);
    if (b.owner !== owner) throw new S3Error(403, 'AccessDenied', `Access Denied to bucket ${name}`);
    return b;
  }

  /** Creates the bucket; true if it was created, false if the owner already had it. */
  async createBucket(name: string, owner: string): Promise<boolean> {
    checkBucketName(name);
    const existing = this.buckets.get(name);
    if (existing) {
      if (existing.owner === owner) return false;
      throw new S3Error(409, 'BucketAlreadyExists', 'The requested bucket name is not available. The bucket namespace is shared by all users of the system.');
    }
    const dir = join(this.root, 'buckets', fileName(name));
    const b: Bucket = { name, owner, created: Date.now(), dir, objects: new Map(), bytes: 0, sortedKeys: null };
    this.buckets.set(name, b);
    try {
      await mkdir(dir, { recursive: true });
      await writeJson(join(dir, 'bucket.json'), { name, owner, created: b.created });
    } catch (e) {
      this.buckets.delete(name);
      throw e;
    }
    return true;
  }

  async deleteBucket(name: string, owner: string): Promise<void> {
    const b = this.bucket(name, owner);
    if (b.objects.size) throw new S3Error(409, 'BucketNotEmpty', 'The bucket you tried to delete is not empty.');
    await this.removeBucket(b);
  }

  /** Deletes a bucket with everything in it (task and pool purges); no error if it is gone. */
  async purgeBucket(name: string, owner: string): Promise<void> {
    const b = this.buckets.get(name);
    if (b && b.owner === owner) await this.removeBucket(b);
  }

  private async removeBucket(b: Bucket): Promise<void> {
    this.buckets.delete(b.name);
    for (const u of [...this.uploads.values()]) if (u.bucket === b.name) await this.abortUpload(u);
    await rm(b.dir, { recursive: true, force: true });
  }

  // ---------- usage ----------

  usedBytes(owner: string): number {
    let n = 0;
    for (const b of this.buckets.values()) if (b.owner === owner) n += b.bytes;
    for (const u of this.uploads.values()) if (u.owner === owner) for (const p of u.parts.values()) n += p.size;
    return n;
  }

  bucketCount(owner: string): number {
    let n = 0;
    for (const b of this.buckets.values()) if (b.owner === owner) n++;
    return n;
  }

  /**
   * Receives a body within the owner's quota: refused up front when its length is known to be
   * too much, cut off when an unsized body goes past it. `replacing` bytes are freed by the write.
   */
  private async receiveWithin(owner: string, body: Readable, checks: BodyChecks | undefined, length: number | null, replacing: number): Promise<Received> {
    if (this.quotaBytes === null) return receive(body, this.tmpDir, { checks, expectedLength: length });
    const room = this.quotaBytes - this.usedBytes(owner) - (this.incoming.get(owner) ?? 0) + replacing;
    if (length !== null && length > room) throw quotaExceeded();
    const reserved = length ?? Math.max(0, room);
    this.incoming.set(owner, (this.incoming.get(owner) ?? 0) + reserved);
    try {
      return await receive(body, this.tmpDir, { checks, expectedLength: length, maxBytes: Math.max(0, room) });
    } finally {
      this.incoming.set(owner, (this.incoming.get(owner) ?? 0) - reserved);
    }
  }

  // ---------- objects ----------

  head(b: Bucket, key: string): ObjectMeta {
    const m = b.objects.get(key);
    if (!m) throw noSuchKey();
    return m;
  }

  dataPath(b: Bucket, m: ObjectMeta): string {
    return join(b.dir, m.file);
  }

  async put(b: Bucket, key: string, body: Readable, opts: WriteOptions): Promise<ObjectMeta> {
    const got = await this.receiveWithin(b.owner, body, opts.checks, opts.contentLength, b.objects.get(key)?.size ?? 0);
    return this.commit(b, key, got.tmp, { size: got.size, etag: got.md5.toString('hex'), info: opts.info });
  }

  /** Server-side copy: the data is streamed (and hashed) into a new file. */
  async copy(src: Bucket, srcMeta: ObjectMeta, dst: Bucket, key: string, info: ObjectInfo): Promise<ObjectMeta> {
    const got = await this.receiveWithin(dst.owner, createReadStream(this.dataPath(src, srcMeta)), undefined, srcMeta.size, dst.objects.get(key)?.size ?? 0);
    return this.commit(dst, key, got.tmp, { size: got.size, etag: got.md5.toString('hex'), info });
  }

  private async commit(b: Bucket, key: string, tmp: string, o: { size: number; etag: string; info: ObjectInfo }): Promise<ObjectMeta> {
    if (this.buckets.get(b.name) !== b) {
      await rm(tmp, { force: true });
      throw noSuchBucket(b.name);
    }
    const base = fileName(key);
    const meta: ObjectMeta = { key, size: o.size, etag: o.etag, lastModified: Date.now(), ...o.info, file: `${base}.${newId()}` };
    await rename(tmp, join(b.dir, meta.file));
    await writeJson(join(b.dir, `${base}.json`), meta);
    const old = b.objects.get(key);
    b.objects.set(key, meta);
    b.bytes += meta.size - (old?.size ?? 0);
    if (!old) b.sortedKeys = null;
    if (old) await unlink(join(b.dir, old.file)).catch(() => undefined);
    return meta;
  }

  /** Deleting a missing key succeeds, as in S3. */
  async delete(b: Bucket, key: string): Promise<void> {
    const old = b.objects.get(key);
    if (!old) return;
    b.objects.delete(key);
    b.bytes -= old.size;
    b.sortedKeys = null;
    await unlink(join(b.dir, `${fileName(key)}.json`)).catch(() => undefined);
    await unlink(join(b.dir, old.file)).catch(() => undefined);
  }

  /** Keys in S3 order from `after`, rolling keys up to `delimiter` into common prefixes. */
  list(b: Bucket, o: ListOptions): ListResult {
    const keys = (b.sortedKeys ??= [...b.objects.keys()].sort(compareKeys));
    const start = compareKeys(o.after, o.prefix) > 0 ? o.after : o.prefix;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareKeys(keys[mid]!, start) < 0) lo = mid + 1;
      else hi = mid;
    }
    const out: ListResult = { objects: [], prefixes: [], truncated: false, last: null };
    // A continuation point that is a common prefix: everything under it was rolled up already.
    let skipUnder = o.delimiter && o.after.endsWith(o.delimiter) && o.after.startsWith(o.prefix) ? o.after : null;
    for (let i = lo; i < keys.length; i++) {
      const key = keys[i]!;
      if (!key.startsWith(o.prefix)) break;
      if (key === o.after || (skipUnder !== null && key.startsWith(skipUnder))) continue;
      let prefix: string | null = null;
      if (o.delimiter) {
        const at = key.indexOf(o.delimiter, o.prefix.length);
        if (at >= 0) prefix = key.slice(0, at + o.delimiter.length);
      }
      if (out.objects.length + out.prefixes.length >= o.maxKeys) {
        out.truncated = true;
        break;
      }
      if (prefix !== null) {
        out.prefixes.push(prefix);
        skipUnder = prefix;
        out.last = prefix;
      } else {
        out.objects.push(b.objects.get(key)!);
        out.last = key;
      }
    }
    return out;
  }

  // ---------- multipart ----------

  async createUpload(b: Bucket, key: string, info: ObjectInfo): Promise<Upload> {
    const id = newId();
    const dir = join(this.root, 'uploads', id);
    const u: Upload = { id, bucket: b.name, key, owner: b.owner, initiated: Date.now(), dir, parts: new Map(), ...info };
    await mkdir(dir, { recursive: true });
    const { parts: _parts, dir: _dir, ...saved } = u;
    await writeJson(join(dir, 'upload.json'), saved);
    this.uploads.set(id, u);
    return u;
  }

  upload(b: Bucket, key: string, id: string): Upload {
    const u = this.uploads.get(id);
    if (!u || u.bucket !== b.name || u.key !== key) throw noSuchUpload();
    return u;
  }

  /** The object a completed upload made, while it is still that one (a retry whose first answer was lost). */
  completedUpload(b: Bucket, key: string, id: string): ObjectMeta | undefined {
    const done = this.completed.get(id);
    if (!done || done.bucket !== b.name || done.key !== key) return undefined;
    const meta = b.objects.get(key);
    return meta?.etag === done.etag ? meta : undefined;
  }

  uploadsOf(b: Bucket): Upload[] {
    return [...this.uploads.values()].filter((u) => u.bucket === b.name).sort((x, y) => compareKeys(x.key, y.key) || x.initiated - y.initiated);
  }

  static partNumber(raw: string | null): number {
    const n = Number(raw);
    if (!raw || !/^\d+$/.test(raw) || n < 1 || n > MAX_PARTS) throw invalidArgument(`Part number must be an integer between 1 and ${MAX_PARTS}, inclusive.`);
    return n;
  }

  async putPart(u: Upload, n: number, body: Readable, checks: BodyChecks | undefined, length: number | null): Promise<PartMeta> {
    const got = await this.receiveWithin(u.owner, body, checks, length, u.parts.get(n)?.size ?? 0);
    return this.commitPart(u, n, got);
  }

  async copyPart(u: Upload, n: number, src: Bucket, srcMeta: ObjectMeta, range: { start: number; end: number } | null): Promise<PartMeta> {
    const stream = createReadStream(this.dataPath(src, srcMeta), range ?? {});
    const length = range ? range.end - range.start + 1 : srcMeta.size;
    const got = await this.receiveWithin(u.owner, stream, undefined, length, u.parts.get(n)?.size ?? 0);
    return this.commitPart(u, n, got);
  }

  private async commitPart(u: Upload, n: number, got: Received): Promise<PartMeta> {
    if (this.uploads.get(u.id) !== u) {
      await rm(got.tmp, { force: true });
      throw noSuchUpload();
    }
    const part: PartMeta = { number: n, etag: got.md5.toString('hex'), size: got.size, lastModified: Date.now() };
    await rename(got.tmp, join(u.dir, `${n}.part`));
    await writeJson(join(u.dir, `${n}.json`), part);
    u.parts.set(n, part);
    return part;
  }

  /** Joins the listed parts (streamed, part after part) into the object. */
  async completeUpload(u: Upload, listed: { number: number; etag: string }[]): Promise<ObjectMeta> {
    if (!listed.length) throw new S3Error(400, 'MalformedXML', 'You must specify at least one part.');
    const parts: PartMeta[] = [];
    for (const [i, l] of listed.entries()) {
      if (i > 0 && l.number <= listed[i - 1]!.number) throw new S3Error(400, 'InvalidPartOrder', 'The list of parts was not in ascending order. Parts must be ordered by part number.');
      const p = u.parts.get(l.number);
      if (!p || p.etag !== l.etag.replace(/"/g, '').toLowerCase()) {
        throw new S3Error(400, 'InvalidPart', `One or more of the specified parts could not be found (part ${l.number}).`);
      }
      parts.push(p);
    }
    for (const p of parts.slice(0, -1)) {
      if (p.size < MIN_PART_BYTES) throw new S3Error(400, 'EntityTooSmall', `Your proposed upload is smaller than the minimum allowed object size: part ${p.number} is ${p.size} bytes (at least 5 MiB, except the last part).`);
    }
    const b = this.buckets.get(u.bucket);
    if (!b) throw noSuchBucket(u.bucket);
    const dir = u.dir;
    const joined = Readable.from(
      (async function* () {
        for (const p of parts) yield* createReadStream(join(dir, `${p.number}.part`));
      })(),
    );
    const got = await receive(joined, this.tmpDir);
    const etag = createHash('md5').update(Buffer.concat(parts.map((p) => Buffer.from(p.etag, 'hex')))).digest('hex');
    // The parts were counted against the quota already: the upload goes as the object arrives.
    this.uploads.delete(u.id);
    const meta = await this.commit(b, u.key, got.tmp, { size: got.size, etag: `${etag}-${parts.length}`, info: { contentType: u.contentType, metadata: u.metadata, headers: u.headers } });
    await rm(u.dir, { recursive: true, force: true });
    this.completed.set(u.id, { bucket: b.name, key: u.key, etag: meta.etag });
    if (this.completed.size > 1000) this.completed.delete(this.completed.keys().next().value!);
    return meta;
  }

  async abortUpload(u: Upload): Promise<void> {
    this.uploads.delete(u.id);
    await rm(u.dir, { recursive: true, force: true });
  }
}
