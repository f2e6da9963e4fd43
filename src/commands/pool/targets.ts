import { POOL_STATES, POOLS_PAGINATE } from '../../api/pools.js';
import type { Pool } from '../../api/types.js';
import { poolView } from '../../output/views.js';
import type { ListTarget } from '../shared/list.js';
import { POOL_SORT_FIELDS } from './index.js';

export const poolTarget: ListTarget<Pool> = {
  resource: 'pool',
  paginatePath: POOLS_PAGINATE,
  states: POOL_STATES,
  sortFields: POOL_SORT_FIELDS,
  view: poolView,
};
