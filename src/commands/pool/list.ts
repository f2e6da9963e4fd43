import { POOL_STATES, POOLS_PAGINATE, POOL_SUMMARIES_PAGINATE } from '../../api/pools.js';
import type { Context } from '../../context.js';
import { poolView } from '../../output/views.js';
import { runList, type ListOptions } from '../shared/list.js';
import { POOL_SORT_FIELDS } from './index.js';

export async function run(ctx: Context, opts: ListOptions): Promise<void> {
  await runList(ctx, opts, {
    resource: 'pool',
    paginatePath: POOLS_PAGINATE,
    summariesPath: POOL_SUMMARIES_PAGINATE,
    states: POOL_STATES,
    sortFields: POOL_SORT_FIELDS,
    view: poolView,
  });
}
