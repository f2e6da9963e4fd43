import { stat } from 'node:fs/promises';
import { etagCacheDir } from '../../config/location.js';
import type { Context } from '../../context.js';
import { SilentExit, UsageError } from '../../errors.js';
import { parseInteger } from '../../lib/parse.js';
import { filterRules, pathFilter, type FilterRule } from '../../storage/filters.js';
import { DEFAULT_CONCURRENCY } from '../../storage/defaults.js';
import { summaryLine, type TransferReport, type TransferSettings } from '../../storage/sync.js';
import type { S3Client } from '../../storage/client.js';
import { folderPrefix, type RemoteLocation } from '../../storage/location.js';
import { listObjects } from '../../storage/objects.js';

export interface TransferOptions {
  concurrency?: string;
  exclude?: string[];
  include?: string[];
  dryRun?: boolean;
}

/** The transfer settings every data verb shares, from its flags; filters keep their command-line order. */
export function transferSettings(ctx: Context, opts: TransferOptions, more: { skipUnchanged: boolean; delete?: boolean }): TransferSettings {
  const concurrency = opts.concurrency === undefined ? DEFAULT_CONCURRENCY : parseInteger('--concurrency', opts.concurrency, { min: 1, max: 64 });
  return {
    concurrency,
    skipUnchanged: more.skipUnchanged,
    delete: more.delete === true,
    dryRun: opts.dryRun === true,
    filter: pathFilter(checkedRules(filterRules(process.argv))),
    etagCacheDir: etagCacheDir(ctx.env),
    quiet: ctx.globals.quiet === true,
  };
}

/**
 * Everything is in until an --exclude: an --include before any does nothing (as in the AWS CLI),
 * where rclone users read "only these": "sync BUCKET ./dir --delete --include '*.txt'" deleted
 * every other local file the bucket lacked. Refused, saying what to write.
 */
function checkedRules(rules: FilterRule[]): FilterRule[] {
  const first = rules[0];
  if (first?.include) {
    throw new UsageError(`--include "${first.pattern}": takes back what an earlier --exclude skipped, and none comes before it; to take only these paths, write --exclude '*' --include "${first.pattern}"`);
  }
  return rules;
}

/** The summary on stderr (not with -q), and exit 1 when some file failed. `verb`: upload, download. */
export function finish(ctx: Context, verb: 'upload' | 'download', report: TransferReport, dryRun: boolean): void {
  if (!ctx.globals.quiet) ctx.io.err(`${summaryLine(dryRun ? verb : `${verb[0]!.toUpperCase()}${verb.slice(1)}ed`, report, dryRun)}\n`);
  if (report.failed > 0) throw new SilentExit(1);
}

/** A local path that must exist: checked before anything is sent. */
export async function existingPath(path: string, what: string): Promise<{ isDirectory: boolean; size: number; mtimeMs: number }> {
  let s;
  try {
    s = await stat(path);
  } catch {
    throw new UsageError(`${what}: "${path}" does not exist`);
  }
  // A device or a FIFO has no size to send by: /dev/zero would be read into memory until it ran out.
  if (!s.isFile() && !s.isDirectory()) throw new UsageError(`${what}: "${path}" is not a file or a directory; pipe a stream in with "-" instead`);
  return { isDirectory: s.isDirectory(), size: s.size, mtimeMs: s.mtimeMs };
}

/** Whether anything is under `path/`: a key that names no object may name a folder. */
export async function isFolder(s3: S3Client, target: RemoteLocation): Promise<boolean> {
  const first = await listObjects(s3, target.bucket, { prefix: folderPrefix(target.path) }).next();
  return !first.done && (first.value.objects.length > 0 || first.value.prefixes.length > 0);
}
