import type { Http } from './http.js';
import { splitPage } from './split-page.js';
import { aPage, badAnswer, readAnswer, type AnswerOf } from './answers.js';
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

/** A walk's pages of items; `jsonLines()` walks the same pages as JSON texts instead. */
export interface ItemPages<T> extends AsyncIterable<T[]> {
  /** Each page's items as JSON texts, as the API wrote them: no objects are built. */
  jsonLines(): AsyncIterable<string[]>;
}

// Fetching one page ahead hides the round trips. Parsed pages are many objects that V8
// promotes while their page is printed, and peak memory grows with the page size; JSON Lines
// hold only each page's text, so their pages can be larger, for fewer round trips (npm run
// bench, "Listing": peak RSS of 100,000 tasks against 1,000).
const MAX_PAGE_SIZE = 50;
const MAX_LINES_PAGE_SIZE = 250;
/** Empty pages in a row, each with a new token, after which the walk is a broken server's endless loop. */
const MAX_EMPTY_PAGES = 20;

/**
 * Walks a token-paginated endpoint one page at a time, so callers can stream items out and
 * never hold more than two pages.
 */
export function walkPages<T>(
  http: Http,
  path: string,
  request: Omit<PageRequest, 'token' | 'maximumResults'>,
  walk: PageWalk,
  info: PageInfo = { total: undefined, more: false },
): ItemPages<T> {
  const pages = <I>(read: (text: string) => TokenPage<I>, maxPageSize: number) =>
    walkTexts(http, path, request, walk.limit, Math.min(walk.pageSize ?? maxPageSize, maxPageSize), info, read);
  return {
    [Symbol.asyncIterator]: () => pages<T>((text) => JSON.parse(text) as TokenPage<T>, MAX_PAGE_SIZE)[Symbol.asyncIterator](),
    jsonLines: () => pages<string>(splitPage, MAX_LINES_PAGE_SIZE),
  };
}

async function* walkTexts<I>(
  http: Http,
  path: string,
  request: Omit<PageRequest, 'token' | 'maximumResults'>,
  limit: number | undefined,
  pageSize: number,
  info: PageInfo,
  read: (text: string) => TokenPage<I>,
): AsyncGenerator<I[]> {
  const spec = { method: 'POST', path, retry: 'idempotent', read: true } as const;
  const fetchPage = async (token: string | null, want: number): Promise<TokenPage<I>> => {
    const text = await http.text({ ...spec, body: { ...request, token, maximumResults: want } });
    return text === '' ? { data: [], isTruncated: false } : readPage(text, read, spec);
  };
  // A token that comes back would make the walk repeat pages forever.
  const tokensSent = new Set<string>();
  const wantAfter = (yielded: number) => (limit === undefined ? pageSize : Math.min(pageSize, limit - yielded));
  let yielded = 0;
  let emptyPages = 0;
  if (wantAfter(0) <= 0) return;
  let next: Promise<TokenPage<I>> | undefined = fetchPage(null, wantAfter(0));
  while (next) {
    const page: TokenPage<I> = await next;
    next = undefined;
    http.progress();
    info.total = page.total ?? info.total;
    const items = page.data ?? [];
    yielded += items.length;
    const truncated = page.isTruncated && Boolean(page.nextToken);
    info.more = truncated;
    // An empty page that says more follow is walked past, as the SDKs do (the C# SDK loops
    // while isTruncated): stopping there would end --all, or a delete's selection, early.
    emptyPages = items.length === 0 ? emptyPages + 1 : 0;
    // Ask for the next page before this one is printed: a slow API's latency
    // overlaps the output, and at most two pages are ever held.
    if (truncated && wantAfter(yielded) > 0) {
      const token = page.nextToken!;
      next = tokensSent.has(token)
        ? Promise.reject(badAnswer(spec, `the page token ${JSON.stringify(token)} came back; stopped the walk, which would repeat pages forever`))
        : emptyPages >= MAX_EMPTY_PAGES
          ? Promise.reject(badAnswer(spec, `${MAX_EMPTY_PAGES} empty pages in a row, each saying more follow; stopped the walk`))
          : fetchPage(token, wantAfter(yielded));
      tokensSent.add(token);
      next.catch(() => undefined); // observed when awaited; not an unhandled rejection meanwhile
    }
    if (items.length) yield items;
  }
}

/**
 * A page, read the caller's way (parsed, or split into item texts); a body that is not a page
 * (HTML from a proxy, `null`) is a bad answer. Only a failed read parses the text again.
 */
function readPage<I>(text: string, read: (text: string) => TokenPage<I>, request: AnswerOf): TokenPage<I> {
  let page: TokenPage<I> | undefined;
  try {
    page = read(text);
  } catch {
    // described below
  }
  const wrong = page === undefined ? (readAnswer(text, aPage).wrong ?? 'not a page') : aPage(page);
  if (wrong !== undefined) throw badAnswer(request, wrong);
  return page!;
}
