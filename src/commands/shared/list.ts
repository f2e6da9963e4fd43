import { walkPages, type PageInfo } from '../../api/paginate.js';
import { resolveFilterIds } from '../../api/resolve-ids.js';
import type { Filter } from '../../api/types.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { parseDate, parseEnum, parseInteger, parseSort } from '../../lib/parse.js';
import { printItems } from '../../output/print.js';
import type { ResourceDescriptor } from '../../resources/resource.js';
import { andFilters, compileWhere, findField, selectorFilter } from '../../search/index.js';

/** The selector flags shared by list, abort, delete and wait. */
export interface SelectorOptions {
  tag?: string[];
  tagsAll?: string[];
  state?: string[];
  name?: string;
  nameLike?: string;
  createdAfter?: string;
  createdBefore?: string;
  where?: string;
}

export interface ListOptions extends SelectorOptions {
  limit?: string;
  all?: boolean;
  sort?: string;
  summary?: boolean;
}

const DEFAULT_LIMIT = 50;

/** Every list's default order: what was just created is what people look for. */
export const NEWEST_FIRST = { field: 'creationDate', order: 'DESC' } as const;

/** The lists the API returns whole (a pool's tasks, a job's tasks), in the same order as `list`. */
export function newestFirst<T extends { creationDate?: string | null }>(items: T[]): T[] {
  const time = (item: T) => Date.parse(item.creationDate ?? '') || 0;
  // Reversed first: items created in the same millisecond keep the API's (creation) order, reversed.
  return [...items].reverse().sort((a, b) => time(b) - time(a));
}

/** Validates the selector flags and compiles them to one API filter (undefined: everything). */
export function selectorToFilter(resource: Pick<ResourceDescriptor<unknown>, 'name' | 'states'>, opts: SelectorOptions, now = new Date()): Filter | undefined {
  const selector = selectorFilter(resource.name, {
    tags: opts.tag,
    tagsAll: opts.tagsAll,
    states: opts.state?.map((s) => parseEnum('--state', s, resource.states)),
    name: opts.name,
    nameLike: opts.nameLike,
    createdAfter: opts.createdAfter === undefined ? undefined : parseDate('--created-after', opts.createdAfter, now),
    createdBefore: opts.createdBefore === undefined ? undefined : parseDate('--created-before', opts.createdBefore, now),
  }) as Filter | undefined;
  const where = opts.where === undefined ? undefined : (compileWhere(opts.where, resource.name, now) as Filter);
  return andFilters([selector, where].filter((f): f is Filter => f !== undefined)) as Filter | undefined;
}

export function hasSelector(opts: SelectorOptions): boolean {
  return Boolean(
    opts.tag?.length || opts.tagsAll?.length || opts.state?.length || opts.name !== undefined || opts.nameLike !== undefined ||
      opts.createdAfter !== undefined || opts.createdBefore !== undefined || opts.where !== undefined,
  );
}

/**
 * `--sort created:desc`: a field as `--where` and the columns name it (created, execution-time)
 * as well as by its API name (creationDate). A refusal quotes what was typed.
 */
function parseListSort(resource: Pick<ResourceDescriptor<unknown>, 'name' | 'sortFields'>, raw: string): ReturnType<typeof parseSort> {
  const [field = '', ...order] = raw.split(':');
  const api = findField(resource.name, field.trim())?.api.toLowerCase();
  const named = resource.sortFields.find((f) => f.toLowerCase() === api);
  try {
    return parseSort('--sort', named === undefined ? raw : [named, ...order].join(':'), resource.sortFields);
  } catch {
    return parseSort('--sort', raw, resource.sortFields);
  }
}

/** `<noun> list`: validated flags, then pages streamed to the output as they arrive. */
export async function runList<T>(ctx: Context, opts: ListOptions, resource: ResourceDescriptor<T>): Promise<void> {
  const limit = opts.all ? undefined : opts.limit === undefined ? DEFAULT_LIMIT : parseInteger('--limit', opts.limit, { min: 1 });
  if (opts.all && opts.limit !== undefined) throw new UsageError('--all and --limit cannot be used together');
  const where = selectorToFilter(resource, opts);
  const sort = opts.sort === undefined ? NEWEST_FIRST : parseListSort(resource, opts.sort);
  const path = (opts.summary && resource.paths.summaries) || resource.paths.paginate;
  const http = await ctx.api();
  const filter = await resolveFilterIds(() => ctx.api(), where, resource.name);
  const info: PageInfo = { total: undefined, more: false };
  const pages = walkPages<T>(
    http,
    path,
    { filter: filter ?? null, orderBy: sort.field, orderType: sort.order },
    { limit },
    info,
  );
  const count = await printItems(ctx, pages, resource.view);
  // Even with -q: -q is about stdout, and a script must not take a page for the whole.
  if (info.more) {
    const of = info.total === undefined ? '' : ` of ${info.total}`;
    ctx.io.err(`Showing ${count}${of} ${resource.plural}; use --limit N or --all to see more\n`);
  }
}
