import { deletePool } from '../../api/pools.js';
import type { Context } from '../../context.js';
import { POOL } from '../../resources/pool.js';
import { runBulkAction, type BulkOptions } from '../shared/select.js';

export async function run(ctx: Context, opts: BulkOptions, ids: string[]): Promise<void> {
  await runBulkAction(ctx, POOL, ids, opts, { action: 'delete', pastTense: 'deleted', act: (http, item) => deletePool(http, item.uuid) });
}
