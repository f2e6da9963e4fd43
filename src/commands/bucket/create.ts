import type { Context } from '../../context.js';
import { storageClient } from '../../storage/endpoint.js';
import { checkBucketName } from '../../storage/location.js';
import { createBucket } from '../../storage/objects.js';

export async function run(ctx: Context, _opts: unknown, name: string): Promise<void> {
  checkBucketName(name);
  const s3 = await storageClient(ctx);
  const outcome = await createBucket(s3, name);
  ctx.io.out(`${name}\n`);
  if (!ctx.globals.quiet) ctx.io.err(outcome === 'created' ? `Created bucket ${name}\n` : `Bucket ${name} exists already (yours)\n`);
}
