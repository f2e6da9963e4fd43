import { deletePool } from '../../api/pools.js';
import type { Context } from '../../context.js';
import { POOL } from '../../resources/pool.js';
import { purgedBuckets } from '../shared/purge.js';
import { runBulkAction, type BulkOptions } from '../shared/select.js';

export async function run(ctx: Context, opts: BulkOptions & { purge?: boolean }, ids: string[]): Promise<void> {
  const action = opts.purge ? 'delete (with their resource buckets)' : 'delete';
  await runBulkAction(ctx, POOL, ids, opts, {
    action,
    pastTense: 'deleted',
    act: (http, item) => deletePool(http, item.uuid, opts.purge === true),
    alsoAffected: opts.purge ? (http, items, read) => purgedBuckets(http, POOL, items, read) : undefined,
  });
}
