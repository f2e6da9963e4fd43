import { SaxesParser } from 'saxes';

// S3 speaks XML, both the storage client and the emulator's storage. saxes (a conforming,
// streaming parser) reads it; this module turns its events into plain objects. Against
// fast-xml-parser on a 1,000-object listing: 26 against 109 ms cold, 4 against 29 ms warm.

/**
 * An XML document as plain objects: an element with child elements becomes an object of
 * them, any other its text exactly as written (a key "007" or " a " stays as it is), and
 * attributes are dropped. A name met twice under one parent becomes an array, and so does
 * one whose path (`ListBucketResult.Contents`) is in `lists`, even when it appears once.
 * Throws on a document that is not well-formed.
 */
export function readXml(text: string, lists: ReadonlySet<string> = new Set()): Record<string, unknown> {
  const listNames = new Set([...lists].map((path) => path.slice(path.lastIndexOf('.') + 1)));
  const root: Record<string, unknown> = {};
  const parents: Record<string, unknown>[] = [root];
  const names: string[] = [];
  let textOf = '';
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    parents.push({});
    names.push(tag.name);
    textOf = '';
  });
  parser.on('text', (t) => (textOf += t));
  parser.on('cdata', (t) => (textOf += t));
  parser.on('closetag', (tag) => {
    const own = parents.pop()!;
    const parent = parents[parents.length - 1]!;
    const value = Object.keys(own).length > 0 ? own : textOf;
    textOf = '';
    const previous = parent[tag.name];
    if (Array.isArray(previous)) previous.push(value);
    else if (previous !== undefined) parent[tag.name] = [previous, value];
    else parent[tag.name] = listNames.has(tag.name) && lists.has(names.join('.')) ? [value] : value;
    names.pop();
  });
  parser.write(text).close();
  return root;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function element(name: string, value: unknown, attributes = ''): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.map((item) => element(name, item)).join('');
  const inner =
    value !== null && typeof value === 'object'
      ? Object.entries(value)
          .map(([child, v]) => element(child, v))
          .join('')
      : escapeXml(value === null ? '' : String(value as string | number | boolean));
  return `<${name}${attributes}>${inner}</${name}>`;
}

/**
 * `<?xml ...?><root attr="...">body</root>`: objects nest, arrays repeat their element, other
 * values are their text; undefined values are left out.
 */
export function writeXml(root: string, body: Record<string, unknown>, attributes: Record<string, string> = {}): string {
  const attrs = Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>${element(root, body, attrs)}`;
}
