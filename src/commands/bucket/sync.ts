import { resolve } from 'node:path';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { storageClient } from '../../storage/endpoint.js';
import { fileInTheWay } from '../../storage/local.js';
import { parseSide } from '../../storage/location.js';
import { downloadTree, uploadTree } from '../../storage/sync.js';
import { existingPath, finish, transferSettings, type TransferOptions } from './shared.js';

export interface Options extends TransferOptions {
  delete?: boolean;
}

/** The direction comes from the arguments' shapes: local → bucket, or bucket → local. */
export async function run(ctx: Context, opts: Options, source: string, destination: string): Promise<void> {
  const from = parseSide(source, 'SRC');
  const to = parseSide(destination, 'DST');
  if ('local' in from && 'local' in to) throw new UsageError('sync: SRC and DST are both local paths; one must be a bucket (NAME[/PREFIX] or s3://NAME/PREFIX)');
  if ('remote' in from && 'remote' in to) throw new UsageError('sync: SRC and DST are both buckets; one must be a local directory (./dir, /path, ~/dir)');
  const settings = transferSettings(ctx, opts, { skipUnchanged: true, delete: opts.delete });
  if ('local' in from && 'remote' in to) {
    const root = await existingPath(from.local, 'SRC');
    if (!root.isDirectory) throw new UsageError(`SRC: "${from.local}" is a file; sync takes a directory (use "bucket put" for a file)`);
    const s3 = await storageClient(ctx, { maxSockets: settings.concurrency });
    finish(ctx, 'upload', await uploadTree(ctx.io, s3, from.local, to.remote, settings), settings.dryRun);
  } else if ('remote' in from && 'local' in to) {
    const file = fileInTheWay(to.local);
    if (file !== undefined) throw new UsageError(`DST: "${file}" is a file, where ${file === resolve(to.local) ? 'sync needs a directory' : `"${to.local}" needs a directory`}`);
    const s3 = await storageClient(ctx, { maxSockets: settings.concurrency });
    finish(ctx, 'download', await downloadTree(ctx.io, s3, from.remote, to.local, settings), settings.dryRun);
  }
}
