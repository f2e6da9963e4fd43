import type { Context } from '../../context.js';
import { checkFields, printItems } from '../../output/print.js';
import { BUCKET, type ObjectRow } from '../../resources/bucket.js';
import { storageClient } from '../../storage/endpoint.js';
import { parseRemote } from '../../storage/location.js';
import { listObjects } from '../../storage/objects.js';

export interface Options {
  recursive?: boolean;
}

/** Folders first then objects, page after page: a big bucket streams in jsonl, tsv and -q. */
export async function run(ctx: Context, opts: Options, location: string): Promise<void> {
  const { bucket, path } = parseRemote(location, 'NAME[/PREFIX]');
  checkFields(ctx, BUCKET.objectView);
  const s3 = await storageClient(ctx);
  async function* rows(): AsyncGenerator<ObjectRow[]> {
    for await (const page of listObjects(s3, bucket, { prefix: path, delimiter: opts.recursive ? undefined : '/' })) {
      yield [
        ...page.prefixes.map((key): ObjectRow => ({ key, type: 'folder' })),
        ...page.objects.map((o): ObjectRow => ({ key: o.key, type: 'object', size: o.size, modified: o.modified, etag: o.etag })),
      ];
    }
  }
  await printItems(ctx, rows(), BUCKET.objectView);
}
