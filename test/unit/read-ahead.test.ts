import { describe, expect, it } from 'vitest';
import { PageReadAhead, nextPageBody } from '../../src/emulator/read-ahead.js';

const page = (n: number) => ({ reply: { json: { n } }, next: null });

describe('PageReadAhead', () => {
  it('serves a page once, for the same request in any key order, at the same revision', () => {
    const ra = new PageReadAhead(250);
    const key = PageReadAhead.key('a@x', '/tasks/paginate', { token: 't', maximumResults: 2 });
    ra.store(key, 7, page(1), 1000);
    expect(ra.take(PageReadAhead.key('a@x', '/tasks/paginate', { maximumResults: 2, token: 't' }), 7, 1100)?.reply).toEqual({ json: { n: 1 } });
    expect(ra.take(key, 7, 1100)).toBeNull();
  });

  it('refuses a page after a change, when too old, or for another account or route', () => {
    const ra = new PageReadAhead(250);
    const key = PageReadAhead.key('a@x', '/tasks/paginate', { token: 't' });
    ra.store(key, 7, page(1), 1000);
    expect(ra.take(key, 8, 1001)).toBeNull();
    ra.store(key, 7, page(1), 1000);
    expect(ra.take(key, 7, 1251)).toBeNull();
    ra.store(key, 7, page(1), 1000);
    expect(ra.take(PageReadAhead.key('b@x', '/tasks/paginate', { token: 't' }), 7, 1001)).toBeNull();
    expect(ra.take(PageReadAhead.key('a@x', '/pools/paginate', { token: 't' }), 7, 1001)).toBeNull();
  });

  it('keeps at most 8 pages and drops stale ones when storing', () => {
    const ra = new PageReadAhead(250);
    const key = (i: number) => PageReadAhead.key('a@x', '/tasks/paginate', { token: String(i) });
    for (let i = 0; i < 9; i++) ra.store(key(i), 1, page(i), 1000);
    expect(ra.take(key(0), 1, 1000)).toBeNull();
    expect(ra.take(key(8), 1, 1000)?.reply).toEqual({ json: { n: 8 } });
    ra.store(key(20), 1, page(20), 2000);
    expect(ra.take(key(1), 1, 1000)).toBeNull();
  });

  it('drops stale pages when asked for another one, so abandoned walks do not hold memory', () => {
    const ra = new PageReadAhead(250);
    const a = PageReadAhead.key('a@x', '/tasks/paginate', { token: 'a' });
    ra.store(a, 1, page(1), 1000);
    expect(ra.take(PageReadAhead.key('a@x', '/tasks/paginate', { token: 'b' }), 1, 2000)).toBeNull();
    // Asked again "in the past": still gone, it was dropped by the previous call.
    expect(ra.take(a, 1, 1000)).toBeNull();
  });
});

describe('nextPageBody', () => {
  it('is the same body with the next token, or null at the end or on an error', () => {
    expect(nextPageBody({ maximumResults: 2, filter: { field: 'State' } }, { json: { nextToken: 'n' } })).toEqual({ maximumResults: 2, filter: { field: 'State' }, token: 'n' });
    expect(nextPageBody(undefined, { json: { nextToken: 'n' } })).toEqual({ token: 'n' });
    expect(nextPageBody({}, { json: { nextToken: null } })).toBeNull();
    expect(nextPageBody({}, { status: 400, json: { nextToken: 'n' } })).toBeNull();
  });
});
