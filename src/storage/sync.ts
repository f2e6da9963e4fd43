import { rm, stat } from 'node:fs/promises';
import { CliError, ExitCode, InterruptedError, NetworkError, UsageError } from '../errors.js';
import type { IO } from '../output/io.js';
import type { S3Client } from './client.js';
import { EtagCache } from './etag-cache.js';
import { StorageError } from './errors.js';
import { safeLocalPath, walkFiles, type LocalFile } from './local.js';
import { folderPrefix, joinKey, type RemoteLocation } from './location.js';
import { allObjects, bucketExists, createBucket, deleteObjects } from './objects.js';
import { planSync, remoteFiles, type RemoteFile } from './plan.js';
import { formatBytes, formatSeconds, Progress } from './progress.js';
import { downloadFile, Limiter, PARTIAL, uploadFile } from './transfer.js';
import { makeDirectory } from '../lib/make-dir.js';

export { DEFAULT_CONCURRENCY } from './defaults.js';

export interface TransferSettings {
  concurrency: number;
  /** Compare and skip what is already the same (sync); false sends everything (put, get). */
  skipUnchanged: boolean;
  /** Delete what the destination has and the source has not (sync --delete). */
  delete: boolean;
  dryRun: boolean;
  filter: (rel: string) => boolean;
  /** Where the ETags of local files are remembered between runs (etag-cache.ts); undefined: nowhere. */
  etagCacheDir?: string;
  /** -q: no progress, no summary. */
  quiet: boolean;
}

export interface TransferReport {
  transferred: number;
  bytes: number;
  unchanged: number;
  deleted: number;
  failed: number;
  ms: number;
  /** Upload without --delete: objects under the prefix the source has not, left there. */
  kept?: number;
}

/** Local tree → bucket/prefix. The bucket is created when missing, as rclone does. */
export async function uploadTree(io: IO, s3: S3Client, root: string, remote: RemoteLocation, settings: TransferSettings): Promise<TransferReport> {
  const prefix = folderPrefix(remote.path);
  let unreadable = 0;
  const walked = walkFiles(root, (problem) => {
    if (problem.failed) unreadable++;
    io.err(`skipped ${problem.path}: ${problem.reason}\n`);
  });
  const needsListing = settings.skipUnchanged || settings.delete;
  let existing: RemoteFile[] = [];
  if (!(await bucketExists(s3, remote.bucket))) {
    if (!settings.dryRun) await createBucket(s3, remote.bucket);
    if (!settings.quiet) io.err(`${settings.dryRun ? 'Would create' : 'Created'} bucket ${remote.bucket}\n`);
  } else if (needsListing) {
    existing = remoteFiles(await allObjects(s3, remote.bucket, prefix), prefix).filter((o) => settings.filter(o.rel));
  }
  // A download killed mid-way (SIGKILL, a crash) leaves NAME.qarnot-partial: never data to send.
  const local = walked.filter((f) => settings.filter(f.rel) && !f.rel.endsWith(PARTIAL));
  const plan = planSync(local, settings.skipUnchanged ? existing : []);
  const limiter = new Limiter(settings.concurrency);
  const etags = new EtagCache(settings.etagCacheDir, root);
  const changed = await differing(plan.compare, limiter, (l, r) => etags.etagLike(l, r.etag).then((etag) => etag !== r.etag));
  if (plan.compare.length > 0) etags.save(walked);
  const toSend = [...plan.transfer, ...changed];
  const notInSource = planSync(local, existing).extra;
  const extras = settings.delete ? notInSource : [];
  const kept = settings.delete ? 0 : notInSource.length;
  refuseEmptySource(local.length, extras.length, root, `s3://${remote.bucket}/${prefix}`);
  const target = (rel: string) => `s3://${remote.bucket}/${joinKey(prefix, rel)}`;
  if (settings.dryRun) {
    for (const f of toSend) io.out(`(dry run) upload: ${f.path} to ${target(f.rel)}\n`);
    for (const o of extras) io.out(`(dry run) delete: ${target(o.rel)}\n`);
    return { transferred: toSend.length, bytes: sum(toSend), unchanged: local.length - toSend.length, deleted: extras.length, failed: unreadable, ms: 0, kept };
  }
  const progress = new Progress(io, 'Uploading', toSend.length, sum(toSend), io.stderrIsTTY && !settings.quiet);
  // What could not be read is not known to be gone: --delete waits for a complete walk.
  const failed = unreadable + (await transferAll(io, progress, toSend, settings.concurrency, async (f) => {
    await uploadFile(s3, limiter, progress, remote.bucket, joinKey(prefix, f.rel), f);
  }));
  let deleted = 0;
  if (extras.length > 0 && failed === 0) {
    const failures = await deleteObjects(s3, remote.bucket, extras.map((o) => o.key));
    deleted = extras.length - failures.length;
    for (const f of failures) io.err(`failed to delete ${target(f.key)}: ${f.code}\n`);
  }
  progress.stop();
  return { transferred: progress.files, bytes: progress.bytes, unchanged: local.length - toSend.length, deleted, failed, ms: progress.elapsedMs(), kept };
}

/** bucket/prefix → local tree. Keys that would land outside the tree are refused, one line each. */
export async function downloadTree(io: IO, s3: S3Client, remote: RemoteLocation, root: string, settings: TransferSettings): Promise<TransferReport> {
  const prefix = remote.keyPrefix ? remote.path : folderPrefix(remote.path);
  if (!settings.dryRun) {
    // The destination exists afterwards, objects or none (as rclone; a script can count on it),
    // and one that cannot be made (/proc/x, a read-only mount) is one line, not one per file.
    try {
      makeDirectory(root);
    } catch (error) {
      throw new CliError(`cannot create ${root} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  }
  const objects = remoteFiles(await allObjects(s3, remote.bucket, prefix), prefix).filter((o) => settings.filter(o.rel));
  let unsafe = 0;
  const safe: (RemoteFile & { path: string })[] = [];
  for (const o of objects) {
    const path = safeLocalPath(root, o.rel);
    if (path === undefined) {
      unsafe++;
      const why = o.rel.split('/').includes('..') ? `its key would write outside ${root}` : 'no local path stands for its key (an empty or "." segment: "//", a leading "/")';
      io.err(`skipped s3://${remote.bucket}/${o.key}: ${why}\n`);
    } else safe.push({ ...o, path });
  }
  const needsLocal = (settings.skipUnchanged || settings.delete) && (await isDirectory(root));
  const walked = needsLocal ? walkFiles(root) : [];
  const local = walked.filter((f) => settings.filter(f.rel));
  const plan = planSync(safe, settings.skipUnchanged ? local : []);
  const limiter = new Limiter(settings.concurrency);
  const etags = new EtagCache(settings.etagCacheDir, root);
  const changed = await differing(plan.compare, limiter, (r, l) => etags.etagLike(l, r.etag).then((etag) => etag !== r.etag));
  if (plan.compare.length > 0) etags.save(walked);
  const toFetch = [...plan.transfer, ...changed];
  const extras: LocalFile[] = settings.delete ? planSync(safe, local).extra : [];
  refuseEmptySource(objects.length, extras.length, `s3://${remote.bucket}/${prefix}`, root);
  if (settings.dryRun) {
    for (const o of toFetch) io.out(`(dry run) download: s3://${remote.bucket}/${o.key} to ${o.path}\n`);
    for (const f of extras) io.out(`(dry run) delete: ${f.path}\n`);
    return { transferred: toFetch.length, bytes: sum(toFetch), unchanged: safe.length - toFetch.length, deleted: extras.length, failed: unsafe, ms: 0 };
  }
  const progress = new Progress(io, 'Downloading', toFetch.length, sum(toFetch), io.stderrIsTTY && !settings.quiet);
  const failed = await transferAll(io, progress, toFetch, settings.concurrency, (o) => downloadFile(s3, limiter, progress, remote.bucket, o, o.path));
  let deleted = 0;
  if (failed === 0) {
    for (const f of extras) {
      await rm(f.path, { force: true });
      deleted++;
    }
  }
  progress.stop();
  return { transferred: progress.files, bytes: progress.bytes, unchanged: safe.length - toFetch.length, deleted, failed: failed + unsafe, ms: progress.elapsedMs() };
}

/**
 * --delete from a source that holds nothing would empty the destination: far more often a
 * mistyped prefix or directory than a wish (rclone refuses it too: "directory not found").
 */
function refuseEmptySource(sources: number, extras: number, source: string, destination: string): void {
  if (sources > 0 || extras === 0) return;
  throw new UsageError(
    `--delete: ${source} holds nothing (after --exclude/--include): it would delete all of ${destination} (${extras} file${extras === 1 ? '' : 's'}); check the path, or delete them with "qarnot bucket rm -r" or rm`,
  );
}

/** The pairs whose content differs, hashed `limiter.size` at a time. */
async function differing<S, D>(pairs: [S, D][], limiter: Limiter, differs: (s: S, d: D) => Promise<boolean>): Promise<S[]> {
  const verdicts = await Promise.all(pairs.map(([s, d]) => limiter.run(() => differs(s, d))));
  return pairs.filter((_, i) => verdicts[i]).map(([s]) => s);
}

/**
 * Every item through `work`, `concurrency` at once. A failure of one file is reported
 * and the others go on; one that would fail them all (credentials, a missing bucket,
 * the quota, Ctrl-C) stops everything at once.
 */
async function transferAll<T extends { rel: string }>(io: IO, progress: Progress, items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<number> {
  let next = 0;
  let failed = 0;
  let fatal: unknown;
  const worker = async () => {
    while (fatal === undefined && next < items.length) {
      const item = items[next++]!;
      try {
        await work(item);
        progress.fileDone();
      } catch (error) {
        if (isFatal(error)) {
          fatal ??= error;
          return;
        }
        failed++;
        progress.stop();
        io.err(`failed: ${item.rel}: ${error instanceof Error ? error.message : String(error)}\n`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  if (fatal !== undefined) {
    progress.stop();
    throw fatal;
  }
  return failed;
}

function isFatal(error: unknown): boolean {
  // Unreachable after every retry: the next files would wait out the same retries, one line each
  // (2,480 lines and 47 s for a storage gone mid-sync).
  if (error instanceof InterruptedError || error instanceof NetworkError) return true;
  if (error instanceof StorageError) return error.exitCode === ExitCode.Auth || error.exitCode === ExitCode.NotFound || error.code === 'QuotaExceeded';
  return error instanceof CliError && error.exitCode !== ExitCode.Failure;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

function sum(files: { size: number }[]): number {
  return files.reduce((total, f) => total + f.size, 0);
}

/** The summary line: what moved, how much, how fast; what was the same; what was deleted. */
export function summaryLine(verb: string, report: TransferReport, dryRun = false): string {
  const files = `${report.transferred} file${report.transferred === 1 ? '' : 's'} (${formatBytes(report.bytes)})`;
  const rate = report.ms > 0 && report.bytes > 0 ? `, ${formatBytes((report.bytes / report.ms) * 1000)}/s` : '';
  const parts = [dryRun ? `Dry run: would ${verb} ${files}` : `${verb} ${files} in ${formatSeconds(report.ms)}${rate}`];
  if (report.unchanged > 0) parts.push(`${report.unchanged} unchanged`);
  if (report.deleted > 0) parts.push(`${report.deleted} ${dryRun ? 'to delete' : 'deleted'}`);
  if (report.failed > 0) parts.push(`${report.failed} failed`);
  return parts.join('; ');
}
