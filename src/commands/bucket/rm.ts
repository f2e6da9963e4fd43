import type { Context } from '../../context.js';
import { ExitCode, UsageError } from '../../errors.js';
import { DEFAULT_CONCURRENCY } from '../../storage/defaults.js';
import { StorageError } from '../../storage/errors.js';
import { storageClient } from '../../storage/endpoint.js';
import { folderPrefix, parseRemote, type RemoteLocation } from '../../storage/location.js';
import { allObjects, deleteObjects, headObject, type DeleteProgress } from '../../storage/objects.js';
import { forEachLimited } from '../../storage/transfer.js';
import { confirmAction } from '../shared/changes.js';
import { isFolder } from './shared.js';

export interface Options {
  recursive?: boolean;
  yes?: boolean;
  dryRun?: boolean;
}

export async function run(ctx: Context, opts: Options, locations: string[]): Promise<void> {
  const targets = locations.map((l) => parseRemote(l, 'NAME/KEY'));
  for (const [i, t] of targets.entries()) {
    // "dir/" may be a folder marker object, deleted alone as "aws s3 rm s3://b/dir/" does; if it is not, mustExist says to add -r.
    if (!opts.recursive && t.path === '') {
      throw new UsageError(`NAME/KEY: "${locations[i]}" is a bucket, not an object key; add -r to delete everything in it`);
    }
  }
  const s3 = await storageClient(ctx);
  // S3 answers a delete of nothing with success: each key is looked up first, so a typo or a
  // folder named without -r is an error, not "Deleted 1 object", and nothing is deleted.
  if (!opts.recursive) await forEachLimited(targets, DEFAULT_CONCURRENCY, (t) => mustExist(s3, t));
  // Grouped by bucket: one DeleteObjects per 1,000 keys.
  const byBucket = new Map<string, string[]>();
  for (const t of targets) {
    const keys = opts.recursive ? await keysUnder(s3, t) : [t.path];
    byBucket.set(t.bucket, [...(byBucket.get(t.bucket) ?? []), ...keys]);
  }
  const items = [...byBucket].flatMap(([bucket, keys]) => keys.map((key) => ({ uuid: `${bucket}/${key}` })));
  if (items.length === 0) {
    if (!ctx.globals.quiet) ctx.io.err('Nothing to delete\n');
    return;
  }
  if (!(await confirmAction(ctx, 'delete', items, 'objects', opts))) return;
  const progress: DeleteProgress = { sent: 0, answered: 0, deleted: 0 };
  let failed = 0;
  try {
    for (const [bucket, keys] of byBucket) {
      const failures = await deleteObjects(s3, bucket, [...new Set(keys)], progress);
      for (const f of failures) ctx.io.err(`failed to delete s3://${bucket}/${f.key}: ${f.code}\n`);
      failed += failures.length;
    }
  } catch (error) {
    if (ctx.signal.aborted) {
      const total = [...byBucket.values()].reduce((n, keys) => n + new Set(keys).size, 0);
      const refused = progress.answered - progress.deleted;
      ctx.io.err(
        `interrupted: ${progress.deleted} done, ${progress.sent - progress.answered} may have been done, ${total - progress.sent} not started` +
          `${refused ? `, ${refused} failed` : ''}\n`,
      );
    }
    throw error;
  }
  const deleted = progress.deleted;
  if (!ctx.globals.quiet) ctx.io.err(`Deleted ${deleted} object${deleted === 1 ? '' : 's'}${failed ? `; ${failed} failed` : ''}\n`);
  if (failed > 0) process.exitCode = 1;
}

/** A prefix given as `dir` means the folder `dir/`, and the object `dir` when there is one. */
async function keysUnder(s3: Awaited<ReturnType<typeof storageClient>>, target: RemoteLocation): Promise<string[]> {
  const objects = await allObjects(s3, target.bucket, target.path);
  const folder = folderPrefix(target.path);
  return objects.filter((o) => o.key === target.path || o.key.startsWith(folder)).map((o) => o.key);
}

async function mustExist(s3: Awaited<ReturnType<typeof storageClient>>, target: RemoteLocation): Promise<void> {
  try {
    await headObject(s3, target.bucket, target.path);
  } catch (error) {
    if (!(error instanceof StorageError) || error.exitCode !== ExitCode.NotFound) throw error;
    if (target.path.endsWith('/') || (await isFolder(s3, target))) {
      throw new UsageError(`NAME/KEY: "${target.bucket}/${target.path}" is a folder, not an object; add -r to delete everything under it`);
    }
    throw new StorageError(`no object "${target.bucket}/${target.path}"; nothing was deleted`, 'NoSuchKey', 404, ExitCode.NotFound);
  }
}
