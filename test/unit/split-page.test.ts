import { describe, expect, it } from 'vitest';
import { splitPage } from '../../src/api/split-page.js';

/** What the item-by-item path gives: each item parsed, then serialised again. */
const reparsed = (text: string) => {
  const page = JSON.parse(text) as { data?: unknown[] };
  return { ...page, data: (page.data ?? []).map((item) => JSON.stringify(item)) };
};

describe('splitPage', () => {
  it('gives each item of data as its JSON text, and the rest of the envelope parsed', () => {
    const text = JSON.stringify({
      token: 'a"b',
      data: [
        { uuid: 'u1', name: 'quote " and \\ and \\" and },{', tags: ['a,b', '[c]'], constants: [{ key: 'K', value: '{"x":[1,2]}' }] },
        { uuid: 'u2', n: -1.5e3, ok: true, none: null, empty: {}, list: [] },
        { uuid: 'u3', name: 'é 日本 🚀 \u0000 \t' },
      ],
      total: 2,
      isTruncated: true,
      nextToken: 'next',
    });
    const page = splitPage(text);
    expect(page).toEqual(reparsed(text));
    expect(page.nextToken).toBe('next');
  });

  it('finds data wherever it is in the envelope, and among keys that look like it', () => {
    const text = '{"count":1,"note":"data","meta":{"data":[9]},"data":[{"a":1},"s,t",[1,[2]],3],"isTruncated":false}';
    expect(splitPage(text)).toEqual(reparsed(text));
  });

  it('an empty or missing data array gives no items', () => {
    expect(splitPage('{"data":[],"isTruncated":false}').data).toEqual([]);
    expect(splitPage('{"isTruncated":false}').data).toEqual([]);
  });

  it('a page laid out over lines is parsed item by item, so that each item stays on one line', () => {
    const text = JSON.stringify({ data: [{ a: 1, b: [1, 2] }, { c: 'x' }], isTruncated: false }, null, 2);
    const page = splitPage(text);
    expect(page.data).toEqual(['{"a":1,"b":[1,2]}', '{"c":"x"}']);
  });

  it('keeps spaces inside an item but not around it', () => {
    expect(splitPage('{"data": [ {"a": 1} , {"b": [1, 2]} ], "isTruncated": false}').data).toEqual(['{"a": 1}', '{"b": [1, 2]}']);
  });
});
