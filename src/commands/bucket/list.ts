import type { Context } from '../../context.js';
import { checkFields, printItems } from '../../output/print.js';
import { BUCKET, type BucketRow } from '../../resources/bucket.js';
import { storageClient } from '../../storage/endpoint.js';
import { allObjects, listBuckets } from '../../storage/objects.js';
import { Limiter } from '../../storage/transfer.js';

export interface Options {
  stats?: boolean;
}

export async function run(ctx: Context, opts: Options): Promise<void> {
  const view = opts.stats ? BUCKET.view : { ...BUCKET.view, columns: BUCKET.view.columns.slice(0, 2) };
  checkFields(ctx, view);
  const s3 = await storageClient(ctx);
  const buckets: BucketRow[] = await listBuckets(s3);
  if (opts.stats) {
    const limiter = new Limiter(8);
    await Promise.all(
      buckets.map((b) =>
        limiter.run(async () => {
          const objects = await allObjects(s3, b.name);
          b.objects = objects.length;
          b.size = objects.reduce((total, o) => total + o.size, 0);
        }),
      ),
    );
  }
  await printItems(ctx, buckets, view);
}
