import { describe, expect, it } from 'vitest';
import type { Http } from '../../src/api/http.js';
import { walkPages } from '../../src/api/paginate.js';

/** An API answering the given pages in turn, whatever the token. */
function api(pages: unknown[]): Http & { asked: number } {
  const fake = {
    asked: 0,
    progress: () => undefined,
    text: async () => JSON.stringify(pages[Math.min(fake.asked++, pages.length - 1)]),
  };
  return fake as unknown as Http & { asked: number };
}

async function walk(http: Http): Promise<number[]> {
  const items: number[] = [];
  for await (const page of walkPages<number>(http, '/tasks/paginate', { filter: null }, {})) items.push(...page);
  return items;
}

describe('walkPages', () => {
  it('walks past an empty page that says more follow, as the SDKs do', async () => {
    const http = api([
      { data: [1, 2], isTruncated: true, nextToken: 'a' },
      { data: [], isTruncated: true, nextToken: 'b' },
      { data: [3], isTruncated: false, nextToken: null },
    ]);
    expect(await walk(http)).toEqual([1, 2, 3]);
  });

  it('stops, as a bad answer, after many empty pages in a row', async () => {
    let n = 0;
    const http = { progress: () => undefined, text: async () => JSON.stringify({ data: [], isTruncated: true, nextToken: `t${n++}` }) } as unknown as Http;
    await expect(walk(http)).rejects.toThrow(/empty pages in a row/);
    expect(n).toBeLessThan(50);
  });
});
