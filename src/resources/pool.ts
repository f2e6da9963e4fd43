import { getPool, POOL_SUMMARIES_PAGINATE, POOLS_PAGINATE, searchPools } from '../api/pools.js';
import { POOL_FINAL_STATES, POOL_STATES } from '../api/states.js';
import type { Pool } from '../api/types.js';
import { poolView } from '../output/views.js';
import type { ResourceDescriptor } from './resource.js';

export const POOL: ResourceDescriptor<Pool> = {
  name: 'pool',
  plural: 'pools',
  states: POOL_STATES,
  finalStates: POOL_FINAL_STATES,
  sortFields: ['creationDate', 'name', 'state', 'executionTime'],
  paths: { paginate: POOLS_PAGINATE, summaries: POOL_SUMMARIES_PAGINATE },
  view: poolView,
  get: getPool,
  search: searchPools,
};
