import type { Command } from 'commander';
import { POOL_STATES } from '../../api/pools.js';
import { addListOptions, noun, verb } from '../define.js';

export const POOL_SORT_FIELDS = ['creationDate', 'name', 'state', 'executionTime'] as const;

export function registerPool(program: Command): void {
  const pool = noun(program, 'pool', 'Create and manage pools: long-lived capacity for tasks', ['qarnot pool list', 'qarnot pool show my-pool']);

  addListOptions(
    verb(pool, 'list', {
      summary: 'List pools (50 by default; --all for every page)',
      examples: ['qarnot pool list', 'qarnot pool list --state FullyExecuting --json'],
      load: () => import('./list.js'),
    }).alias('ls'),
    { states: POOL_STATES, sortFields: POOL_SORT_FIELDS, summary: true },
  );

  verb(pool, 'show <id>', {
    summary: 'Show one pool (uuid or shortname)',
    examples: ['qarnot pool show my-pool', 'qarnot pool show my-pool --json'],
    load: () => import('./show.js'),
  }).alias('get');

  verb(pool, 'tasks <id>', {
    summary: 'List the tasks of a pool',
    examples: ['qarnot pool tasks my-pool', 'qarnot pool tasks my-pool -q'],
    load: () => import('./tasks.js'),
  });

  verb(pool, 'jobs <id>', {
    summary: 'List the jobs of a pool',
    examples: ['qarnot pool jobs my-pool'],
    load: () => import('./jobs.js'),
  });
}
