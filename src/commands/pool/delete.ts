import { deletePool } from '../../api/pools.js';
import type { Context } from '../../context.js';
import { confirmAction, parseConcurrency, resolveSelection, runBulk, type ConfirmOptions, type SelectionOptions } from '../shared/select.js';
import { poolTarget } from './targets.js';

type DeleteOptions = SelectionOptions & ConfirmOptions & { concurrency?: string };

export async function run(ctx: Context, opts: DeleteOptions, ids: string[]): Promise<void> {
  const concurrency = parseConcurrency(opts.concurrency);
  const { http, items } = await resolveSelection(ctx, ids, opts, poolTarget, 'pool delete');
  if (!(await confirmAction(ctx, 'delete', items, 'pools', opts))) return;
  await runBulk(ctx, items, concurrency, 'deleted', (item) => deletePool(http, item.uuid));
}
