import { closePool } from '../../api/pools.js';
import type { Context } from '../../context.js';
import { confirmAction, parseConcurrency, resolveSelection, runBulk, type ConfirmOptions, type SelectionOptions } from '../shared/select.js';
import { poolTarget } from './targets.js';

type CloseOptions = SelectionOptions & ConfirmOptions & { concurrency?: string };

/** Named pools are closed at once; pools picked by a selector are confirmed first. */
export async function run(ctx: Context, opts: CloseOptions, ids: string[]): Promise<void> {
  const concurrency = parseConcurrency(opts.concurrency);
  const { http, items } = await resolveSelection(ctx, ids, opts, poolTarget, 'pool close');
  const ask = ids.length === 0 || opts.dryRun;
  if (ask && !(await confirmAction(ctx, 'close', items, 'pools', opts))) return;
  await runBulk(ctx, items, concurrency, 'closed', (item) => closePool(http, item.uuid));
}
