import type { Http } from './http.js';
import type { PageRequest, TokenPage } from './types.js';

export interface PageWalk {
  /** Stop once this many items were yielded (undefined: every page). */
  limit?: number;
  pageSize?: number;
}

export interface PageInfo {
  /** Matching items on the server, when the API says. */
  total: number | undefined;
  /** More items exist beyond what was yielded. */
  more: boolean;
}

const MAX_PAGE_SIZE = 250;

/**
 * Walks a token-paginated endpoint and yields one page at a time, so callers
 * can stream items out and never hold more than a page.
 */
export async function* walkPages<T>(
  http: Http,
  path: string,
  request: Omit<PageRequest, 'token' | 'maximumResults'>,
  walk: PageWalk,
  info: PageInfo = { total: undefined, more: false },
): AsyncGenerator<T[]> {
  let token: string | null | undefined = null;
  let yielded = 0;
  const pageSize = Math.min(walk.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
  for (;;) {
    const want = walk.limit === undefined ? pageSize : Math.min(pageSize, walk.limit - yielded);
    if (want <= 0) return;
    const page: TokenPage<T> = await http.json<TokenPage<T>>({
      method: 'POST',
      path,
      body: { ...request, token, maximumResults: want },
      retry: 'idempotent',
      read: true,
    });
    info.total = page.total ?? info.total;
    const items = page.data ?? [];
    yielded += items.length;
    const truncated = page.isTruncated && Boolean(page.nextToken);
    info.more = truncated;
    if (items.length) yield items;
    if (!truncated || items.length === 0) return;
    if (walk.limit !== undefined && yielded >= walk.limit) return;
    token = page.nextToken;
  }
}
