import { searchJobs } from '../../api/jobs.js';
import { searchPools } from '../../api/pools.js';
import { searchTasks } from '../../api/tasks.js';
import type { Filter, SearchRequest } from '../../api/types.js';
import type { Context } from '../../context.js';
import { parseFieldList, parseInteger } from '../../lib/parse.js';
import { printItems, type View } from '../../output/print.js';
import { jobView, poolView, taskView } from '../../output/views.js';
import { compileWhere, mapSelectFields } from '../../search/index.js';
import type { Resource } from './list.js';

interface SearchOptions {
  where: string;
  select?: string;
  max?: string;
  printFilter?: boolean;
}

const DEFAULT_MAX = 100;

export async function runSearch(ctx: Context, opts: SearchOptions, resource: Resource): Promise<void> {
  const filter = compileWhere(opts.where, resource, new Date()) as Filter;
  const select = opts.select === undefined ? undefined : mapSelectFields(resource, parseFieldList('--select', opts.select));
  const maximumResults = opts.max === undefined ? DEFAULT_MAX : parseInteger('--max', opts.max, { min: 1, max: 10_000 });
  const request: SearchRequest = { filter, maximumResults, ...(select ? { select: { fields: select } } : {}) };
  if (opts.printFilter) {
    ctx.io.out(`${JSON.stringify(request, null, 2)}\n`);
    return;
  }
  const http = await ctx.api();
  const search = { task: searchTasks, pool: searchPools, job: searchJobs }[resource];
  const view = { task: taskView, pool: poolView, job: jobView }[resource] as View<unknown>;
  const results = await search(http, request);
  // The API fills only the selected fields: show exactly those, in every format.
  const shown = select && ctx.globals.fields === undefined ? { ...ctx, globals: { ...ctx.globals, fields: select.map(camelPath).join(',') } } : ctx;
  await printItems(shown, results as unknown[], view);
}

function camelPath(path: string): string {
  return path
    .split('.')
    .map((part) => part.charAt(0).toLowerCase() + part.slice(1))
    .join('.');
}
