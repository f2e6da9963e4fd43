import { countOf } from '../../lib/plural.js';
import type { Filter, SearchRequest } from '../../api/types.js';
import type { Context } from '../../context.js';
import { resolveFilterIds } from '../../api/resolve-ids.js';
import { parseFieldList, parseInteger } from '../../lib/parse.js';
import { outputMode, printItems } from '../../output/print.js';
import { compileWhere, mapSelectFields } from '../../search/index.js';
import type { ResourceDescriptor } from '../../resources/resource.js';

export interface SearchOptions {
  where: string;
  select?: string;
  max?: string;
  printFilter?: boolean;
}

const DEFAULT_MAX = 100;

export async function runSearch<T>(ctx: Context, opts: SearchOptions, resource: ResourceDescriptor<T>): Promise<void> {
  const filter = compileWhere(opts.where, resource.name, new Date()) as Filter;
  const select = opts.select === undefined ? undefined : mapSelectFields(resource.name, parseFieldList('--select', opts.select));
  const maximumResults = opts.max === undefined ? DEFAULT_MAX : parseInteger('--max', opts.max, { min: 1, max: 10_000 });
  const request: SearchRequest = { filter, maximumResults, ...(select ? { select: { fields: select } } : {}) };
  if (opts.printFilter) {
    ctx.io.out(`${JSON.stringify(request, null, 2)}\n`);
    return;
  }
  const http = await ctx.api();
  // -q prints uuids: fetched whatever --select says, or every line would read "undefined".
  const fetched = select && outputMode(ctx) === 'ids' && !select.includes('Uuid') ? { fields: [...select, 'Uuid'] } : request.select;
  // One more than shown, to know whether there are more.
  const found = await resource.search(http, {
    ...request,
    ...(fetched ? { select: fetched } : {}),
    filter: await resolveFilterIds(() => ctx.api(), filter, resource.name),
    maximumResults: maximumResults + 1,
  });
  const results = found.slice(0, maximumResults);
  // The API fills only the selected fields: show exactly those, in every format.
  const shown = select && ctx.globals.fields === undefined ? { ...ctx, globals: { ...ctx.globals, fields: select.map(camelPath).join(',') } } : ctx;
  await printItems(shown, results, resource.view);
  // Even with -q: a script must not take the first results for all of them.
  if (found.length > maximumResults) ctx.io.err(`Showing the first ${countOf(results.length, resource.plural)}; use --max N to see more\n`);
}

function camelPath(path: string): string {
  return path
    .split('.')
    .map((part) => part.charAt(0).toLowerCase() + part.slice(1))
    .join('.');
}
