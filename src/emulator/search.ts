import { compileFilter, compileSelect } from './filters.js';
import { paginate, readMaximumResults, type Pageable } from './paginate.js';
import { ci, isObj, type Obj } from './util.js';
import { invalidSearch } from './filters.js';

type Getters<T> = Record<string, (rec: T) => unknown>;

/**
 * Binds field getters to one request's clock and context. The context of the last record is
 * memoized: getters run synchronously record after record, so it is computed once per record.
 */
export function bind<T, C>(fields: Record<string, (r: T, now: number, ctx: C) => unknown>, now: number, ctxOf: (r: T) => C): Getters<T> {
  let lastRec: T | undefined;
  let lastCtx: C | undefined;
  const ctx = (r: T): C => {
    if (r !== lastRec) {
      lastCtx = ctxOf(r);
      lastRec = r;
    }
    return lastCtx as C;
  };
  const out: Getters<T> = {};
  for (const [k, g] of Object.entries(fields)) out[k] = (r) => g(r, now, ctx(r));
  return out;
}

export function projector<T>(getters: Getters<T>): (rec: T) => Obj {
  const keys = Object.keys(getters);
  return (rec) => {
    const o: Obj = {};
    for (const k of keys) o[k] = getters[k]!(rec);
    return o;
  };
}

const body = (b: unknown): Obj => {
  if (b === undefined || b === null) return {};
  if (!isObj(b)) throw invalidSearch('The request body must be a JSON object.');
  return b;
};

/** DataDetailRequest → plain array, restricted to the selected fields when there are some. */
export function search<T>(req: unknown, items: Iterable<T>, getters: Getters<T>, full?: (rec: T) => Obj): Obj[] {
  const b = body(req);
  const matches = compileFilter(ci(b, 'filter'), getters);
  const select = compileSelect(ci(b, 'select'), getters) ?? full ?? projector(getters);
  const max = readMaximumResults(b, null);
  const out: Obj[] = [];
  for (const it of items) {
    if (max !== null && out.length >= max) break;
    if (matches(it)) out.push(select(it));
  }
  return out;
}

export function page<T extends Pageable>(
  req: unknown,
  items: readonly T[],
  filterGetters: Getters<T>,
  output: Getters<T> | ((rec: T) => Obj),
  sortKeys: Record<string, (rec: T) => string | number>,
): Obj {
  const project = typeof output === 'function' ? output : projector(output);
  return paginate(body(req), { items, fields: filterGetters, sortKeys, project });
}
