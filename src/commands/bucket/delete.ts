import type { Context } from '../../context.js';
import { StorageError } from '../../storage/errors.js';
import { storageClient } from '../../storage/endpoint.js';
import { checkBucketName } from '../../storage/location.js';
import { allObjects, deleteBucket, deleteObjects } from '../../storage/objects.js';
import { formatBytes } from '../../storage/progress.js';
import { confirmAction } from '../shared/changes.js';

export interface Options {
  force?: boolean;
  yes?: boolean;
  dryRun?: boolean;
}

export async function run(ctx: Context, opts: Options, name: string): Promise<void> {
  checkBucketName(name);
  const s3 = await storageClient(ctx);
  // Listed first (one page tells empty from not): the question says what would go with it.
  const objects = await allObjects(s3, name);
  if (objects.length > 0 && !opts.force) {
    throw new StorageError(`bucket "${name}" holds ${objects.length} object${objects.length === 1 ? '' : 's'}: empty it first, or delete it with --force (which deletes them)`, 'BucketNotEmpty', 409, 1);
  }
  const size = objects.reduce((total, o) => total + o.size, 0);
  const detail = objects.length === 0 ? 'empty' : `${objects.length} objects, ${formatBytes(size)}`;
  if (!(await confirmAction(ctx, 'delete', [{ uuid: name, name: detail }], 'bucket', opts))) return;
  if (objects.length > 0) {
    const failures = await deleteObjects(s3, name, objects.map((o) => o.key));
    if (failures.length > 0) throw new StorageError(`could not delete ${failures.length} objects of "${name}" (first: ${failures[0]!.key}: ${failures[0]!.code})`, failures[0]!.code, 0, 1);
  }
  await deleteBucket(s3, name);
  if (!ctx.globals.quiet) ctx.io.err(`Deleted bucket ${name}${objects.length ? ` and its ${objects.length} objects` : ''}\n`);
}
