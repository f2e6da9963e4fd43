import type { TokenPage } from './types.js';

/**
 * A page as `{ ...envelope, data: [JSON text of each item] }`, without parsing the items: a
 * scan that jumps from quote to quote (indexOf) finds where each item of `data` starts and
 * ends. Printing JSON Lines this way skips parsing and serialising again, and builds no
 * objects (npm run bench, "Listing"). The texts are the API's own: they say what
 * JSON.stringify of the parsed item would, perhaps with other escapes or number forms. A page
 * laid out over several lines, or not shaped as expected, is parsed and serialised item by
 * item instead.
 */
export function splitPage(text: string): TokenPage<string> {
  const found = text.includes('\n') || text.includes('\r') ? undefined : findItems(text);
  if (!found) {
    const page = JSON.parse(text) as TokenPage<unknown>;
    return { ...page, data: (page.data ?? []).map((item) => JSON.stringify(item)) };
  }
  const envelope = JSON.parse(`${text.slice(0, found.arrayStart)}[]${text.slice(found.arrayEnd)}`) as TokenPage<unknown>;
  return { ...envelope, data: found.items };
}

const QUOTE = 34;
const COMMA = 44;
const OPEN_BRACKET = 91;
const BACKSLASH = 92;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

/** The items of the envelope's "data" array, and where that array starts and ends (past its `]`). */
function findItems(text: string): { items: string[]; arrayStart: number; arrayEnd: number } | undefined {
  const items: string[] = [];
  let depth = 0;
  let arrayStart = -1;
  let itemStart = -1;
  let key = ''; // the envelope's last string: the key of the value that follows it
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = closingQuote(text, i);
      if (end < 0) return undefined;
      if (depth === 1) key = text.slice(i + 1, end);
      i = end;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
      if (depth === 2 && c === OPEN_BRACKET && key === 'data' && arrayStart < 0) {
        arrayStart = i;
        itemStart = i + 1;
      }
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      if (depth === 1 && itemStart >= 0) {
        const last = text.slice(itemStart, i).trim();
        if (last) items.push(last);
        return { items, arrayStart, arrayEnd: i + 1 };
      }
    } else if (c === COMMA && depth === 2 && itemStart >= 0) {
      items.push(text.slice(itemStart, i).trim());
      itemStart = i + 1;
    }
  }
  return undefined;
}

/** Index of the quote that ends the string opening at `open`: one not escaped by a backslash. */
function closingQuote(text: string, open: number): number {
  let q = text.indexOf('"', open + 1);
  while (q > 0 && text.charCodeAt(q - 1) === BACKSLASH) {
    let b = q - 1;
    while (text.charCodeAt(b) === BACKSLASH) b--;
    if ((q - 1 - b) % 2 === 0) break;
    q = text.indexOf('"', q + 1);
  }
  return q;
}
