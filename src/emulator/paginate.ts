import { MATCH_ALL, compileFilter, invalidSearch } from './filters.js';
import { ci, type Obj } from './util.js';

const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

export function readMaximumResults(req: unknown, fallback: number | null): number | null {
  const raw = ci(req, 'maximumResults');
  if (raw === undefined || raw === null) return fallback;
  const n = typeof raw === 'string' ? Number(raw) : raw;
  if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0) {
    throw invalidSearch(`Invalid field 'maximumResults': must be a positive integer (got ${JSON.stringify(raw)}).`);
  }
  return Math.min(n, MAX_PAGE_SIZE);
}

interface Cursor {
  o: string;
  d: 'ASC' | 'DESC';
  k: string | number;
  s: number;
}

const encodeToken = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decodeToken(tok: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(tok, 'base64url').toString('utf8')) as Cursor;
    if (typeof c.o === 'string' && (c.d === 'ASC' || c.d === 'DESC') && typeof c.s === 'number') return c;
  } catch {
    /* fall through */
  }
  throw invalidSearch(`Invalid field 'token': not a token returned by this API.`);
}

export interface Pageable {
  uuid: string;
  seq: number;
}

interface PageSpec<T extends Pageable> {
  /** Items in creation (seq) order. */
  items: readonly T[];
  fields: Record<string, (rec: T) => unknown>;
  /** Sort keys by lowercased orderBy name. */
  sortKeys: Record<string, (rec: T) => string | number>;
  project: (rec: T) => Obj;
}

/**
 * Keyset pagination: the token holds the sort key and seq of the last item returned, so an
 * item present during the whole walk comes back exactly once even when others are created or
 * deleted between pages (given a sort key that does not change: creationDate or name).
 */
export function paginate<T extends Pageable>(req: unknown, spec: PageSpec<T>): Obj {
  const size = readMaximumResults(req, DEFAULT_PAGE_SIZE)!;
  const tokenRaw = ci(req, 'token');
  const cursor = typeof tokenRaw === 'string' && tokenRaw !== '' ? decodeToken(tokenRaw) : null;
  const orderByRaw = ci(req, 'orderBy');
  const orderTypeRaw = ci(req, 'orderType');
  let orderBy = cursor?.o ?? (typeof orderByRaw === 'string' && orderByRaw !== '' ? orderByRaw.toLowerCase() : 'creationdate');
  if (!cursor && !spec.sortKeys[orderBy]) {
    throw invalidSearch(`Invalid field 'orderBy': '${String(orderByRaw)}' is not one of ${Object.keys(spec.sortKeys).join(', ')}.`);
  }
  if (!spec.sortKeys[orderBy]) orderBy = 'creationdate';
  let dir: 'ASC' | 'DESC' = 'ASC';
  if (cursor) dir = cursor.d;
  else if (orderTypeRaw !== undefined && orderTypeRaw !== null && orderTypeRaw !== '') {
    const t = String(orderTypeRaw).toUpperCase();
    if (t !== 'ASC' && t !== 'DESC') throw invalidSearch(`Invalid field 'orderType': expected ASC or DESC.`);
    dir = t;
  }
  const matches = compileFilter(ci(req, 'filter'), spec.fields);
  const keyOf = spec.sortKeys[orderBy]!;
  const byCreation = orderBy === 'creationdate';
  // Without a filter the creation-ordered list is used as is: a page costs O(log n + size).
  const matching: readonly T[] = matches === MATCH_ALL ? spec.items : spec.items.filter((it) => matches(it));

  let page: { rec: T; k: string | number }[];
  if (byCreation) {
    // Position of the first item with seq > cursor (ASC) in the seq-sorted list.
    let lo = 0;
    let hi = matching.length;
    if (cursor) {
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (matching[mid]!.seq <= cursor.s) lo = mid + 1;
        else hi = mid;
      }
    }
    const picked: T[] = [];
    let lastIdx = -1;
    if (dir === 'ASC') {
      for (let i = cursor ? lo : 0; i < matching.length && picked.length < size; i++) {
        picked.push(matching[i]!);
        lastIdx = i;
      }
    } else {
      // DESC: items with seq < cursor, newest first.
      let i = cursor ? lo - 1 : matching.length - 1;
      if (cursor && i >= 0 && matching[i]!.seq === cursor.s) i--;
      for (; i >= 0 && picked.length < size; i--) {
        picked.push(matching[i]!);
        lastIdx = i;
      }
    }
    page = picked.map((rec) => ({ rec, k: rec.seq }));
    const more = lastIdx >= 0 && (dir === 'ASC' ? lastIdx < matching.length - 1 : lastIdx > 0);
    return finish(page, more, matching.length);
  }

  const keyed = matching.map((rec) => ({ rec, k: keyOf(rec) }));
  const cmp = (a: { k: string | number; s: number }, b: { k: string | number; s: number }) => {
    const c = a.k < b.k ? -1 : a.k > b.k ? 1 : a.s - b.s;
    return dir === 'ASC' ? c : -c;
  };
  keyed.sort((a, b) => cmp({ k: a.k, s: a.rec.seq }, { k: b.k, s: b.rec.seq }));
  let start = 0;
  if (cursor) {
    let lo = 0;
    let hi = keyed.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp({ k: keyed[mid]!.k, s: keyed[mid]!.rec.seq }, { k: cursor.k, s: cursor.s }) <= 0) lo = mid + 1;
      else hi = mid;
    }
    start = lo;
  }
  page = keyed.slice(start, start + size);
  return finish(page, start + size < keyed.length, keyed.length);

  function finish(items: { rec: T; k: string | number }[], truncated: boolean, total: number): Obj {
    const last = items[items.length - 1];
    return {
      data: items.map((x) => spec.project(x.rec)),
      count: items.length,
      total,
      isTruncated: truncated,
      nextToken: truncated && last ? encodeToken({ o: orderBy, d: dir, k: last.k, s: last.rec.seq }) : null,
      token: typeof tokenRaw === 'string' ? tokenRaw : null,
    };
  }
}
