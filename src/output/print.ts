import type { ChalkInstance } from 'chalk';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { formatRelative } from '../lib/timespan.js';
import type { ItemPages } from '../api/paginate.js';
import { getPath, project, splitFields } from './fields.js';

export type CellKind = 'text' | 'state' | 'date' | 'percent' | 'id';

export interface Column<T> {
  header: string;
  value: (item: T) => unknown;
  kind?: CellKind;
  /** Gives up width first when the table does not fit the terminal. */
  flexible?: boolean;
}

/** How one kind of resource prints: its table columns and its identifier. */
export interface View<T> {
  /** Plural noun for messages: "tasks". */
  plural: string;
  columns: Column<T>[];
  /** Fields shown by `show` in table mode, in order. */
  details?: Column<T>[];
  id: (item: T) => string;
}

export type Mode = 'table' | 'tsv' | 'json' | 'jsonl' | 'ids';

export function outputMode(ctx: Context): Mode {
  const g = ctx.globals;
  if (g.quiet) return 'ids';
  if (g.json) {
    if (g.format && g.format !== 'json') throw new UsageError(`--json conflicts with --format ${g.format}; use one of them`);
    return 'json';
  }
  if (g.format) return g.format;
  return ctx.io.stdoutIsTTY ? 'table' : 'tsv';
}

/** A source of items: an array, or pages arriving one by one (perhaps also as JSON texts). */
export type ItemSource<T> = T[] | AsyncIterable<T[]> | ItemPages<T>;

/**
 * Prints a list in the chosen mode. jsonl, tsv and ids print each page as it
 * arrives; table and json need everything first. Returns the item count.
 */
export async function printItems<T>(ctx: Context, source: ItemSource<T>, view: View<T>): Promise<number> {
  const mode = outputMode(ctx);
  const fields = splitFields(ctx.globals.fields);
  const columns = fields ? fieldColumns<T>(fields) : view.columns;
  const out = (s: string) => ctx.io.out(s);
  let count = 0;
  if (mode === 'jsonl' && !fields && 'jsonLines' in source) {
    // Each item as the API wrote it: nothing to parse, nothing to serialise again.
    for await (const items of source.jsonLines()) {
      count += items.length;
      out(`${items.join('\n')}\n`);
      await ctx.io.drained();
    }
    return count;
  }
  const buffered: T[] = [];
  for await (const page of pagesOf(source)) {
    count += page.length;
    switch (mode) {
      case 'ids':
        out(page.map((item) => `${view.id(item)}\n`).join(''));
        break;
      case 'jsonl':
        out(page.map((item) => `${JSON.stringify(fields ? project(item, fields) : item)}\n`).join(''));
        break;
      case 'tsv':
        out(page.map((item) => `${columns.map((c) => tsvCell(c.value(item))).join('\t')}\n`).join(''));
        break;
      default:
        buffered.push(...page);
    }
    await ctx.io.drained();
  }
  if (mode === 'json') {
    out(`${JSON.stringify(fields ? buffered.map((i) => project(i, fields)) : buffered, null, 2)}\n`);
  } else if (mode === 'table') {
    if (buffered.length === 0) {
      if (ctx.io.stderrIsTTY) ctx.io.err(`No ${view.plural} found\n`);
    } else {
      // cli-table3 is only worth loading when a table is printed.
      const { default: Table } = await import('cli-table3');
      out(renderTable(Table, ctx, columns, buffered));
    }
  }
  return count;
}

/** Prints one object: all of it as JSON, or its main fields as `key  value` lines. */
export function printRecord<T>(ctx: Context, item: T, view: View<T>): void {
  const mode = outputMode(ctx);
  const fields = splitFields(ctx.globals.fields);
  const out = (s: string) => ctx.io.out(s);
  switch (mode) {
    case 'ids':
      return out(`${view.id(item)}\n`);
    case 'json':
      return out(`${JSON.stringify(fields ? project(item, fields) : item, null, 2)}\n`);
    case 'jsonl':
      return out(`${JSON.stringify(fields ? project(item, fields) : item)}\n`);
    case 'tsv': {
      const columns = fields ? fieldColumns<T>(fields) : (view.details ?? view.columns);
      return out(columns.map((c) => `${c.header.toLowerCase()}\t${tsvCell(c.value(item))}\n`).join(''));
    }
    case 'table': {
      const columns = fields ? fieldColumns<T>(fields) : (view.details ?? view.columns);
      const width = Math.max(...columns.map((c) => c.header.length));
      const c = ctx.io.color;
      return out(
        columns
          .map((col) => `${c.bold(`${titleCase(col.header)}:`.padEnd(width + 2))}${humanCell(c, col.kind, col.value(item)) || c.dim('-')}\n`)
          .join(''),
      );
    }
  }
}

/** Prints a plain value (a uuid, a line of text) on stdout. */
export function printLine(ctx: Context, text: string): void {
  ctx.io.out(`${text}\n`);
}

async function* pagesOf<T>(source: ItemSource<T>): AsyncIterable<T[]> {
  if (Array.isArray(source)) {
    yield source;
    return;
  }
  yield* source;
}

function fieldColumns<T>(fields: string[]): Column<T>[] {
  return fields.map((field) => ({
    header: field.toUpperCase(),
    value: (item: T) => getPath(item, field),
    kind: /state$/i.test(field) ? 'state' : /(date|time)$/i.test(field) && !/(execution|wall)time$/i.test(field) ? 'date' : 'text',
  }));
}

function titleCase(header: string): string {
  return header.charAt(0) + header.slice(1).toLowerCase();
}

function plain(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(',');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function tsvCell(value: unknown): string {
  return plain(value).replace(/[\t\n\r]/g, ' ');
}

const UNSET_DATE = '0001-01-01T00:00:00Z';

/** A cell as people read it, without colour: relative dates, percentages; '' when empty. */
function humanText(kind: CellKind | undefined, value: unknown): string {
  const text = plain(value);
  if (text === '') return '';
  if (kind === 'date') {
    if (text.startsWith('0001-01-01') || text === UNSET_DATE) return '';
    return Number.isNaN(Date.parse(text)) ? text : formatRelative(new Date(text), new Date());
  }
  if (kind === 'percent') return `${Math.round(Number(value))}%`;
  return text;
}

function humanCell(c: ChalkInstance, kind: CellKind | undefined, value: unknown): string {
  const text = humanText(kind, value);
  return text === '' ? '' : paint(c, kind, text);
}

/** Colour by kind: states by outcome, ids dimmed. */
function paint(c: ChalkInstance, kind: CellKind | undefined, text: string): string {
  return kind === 'state' ? colorState(c, text) : kind === 'id' ? c.dim(text) : text;
}

export function colorState(c: ChalkInstance, state: string): string {
  switch (state) {
    case 'Success':
    case 'Completed':
    case 'Closed':
      return c.green(state);
    case 'Failure':
      return c.red(state);
    case 'Cancelled':
    case 'PendingCancel':
    case 'PendingDelete':
    case 'Deleting':
    case 'Terminating':
    case 'Closing':
      return c.yellow(state);
    case 'Active':
    case 'PartiallyExecuting':
    case 'FullyExecuting':
    case 'UploadingResults':
    case 'DownloadingResults':
      return c.cyan(state);
    default:
      return state;
  }
}

/** Borderless, fitted to the terminal: flexible columns are truncated first. */
function renderTable<T>(Table: typeof import('cli-table3'), ctx: Context, columns: Column<T>[], items: T[]): string {
  const c = ctx.io.color;
  const texts = items.map((item) => columns.map((col) => humanPlain(col, item)));
  const widths = columns.map((col, i) => Math.max(col.header.length, ...texts.map((row) => row[i]!.length)));
  const gap = 2;
  const available = ctx.io.columns;
  if (available !== undefined) {
    let excess = widths.reduce((a, b) => a + b, 0) + gap * (columns.length - 1) - available;
    const order = columns.map((_col, i) => i).sort((a, b) => Number(Boolean(columns[b]!.flexible)) - Number(Boolean(columns[a]!.flexible)) || widths[b]! - widths[a]!);
    for (const i of order) {
      if (excess <= 0) break;
      const min = Math.max(columns[i]!.header.length, 8);
      const cut = Math.min(excess, widths[i]! - min);
      if (cut > 0) {
        widths[i]! -= cut;
        excess -= cut;
      }
    }
  }
  const table = new Table({
    head: columns.map((col) => c.bold(col.header)),
    chars: {
      top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
      left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: ' '.repeat(gap),
    },
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
  });
  for (let r = 0; r < items.length; r++) {
    table.push(
      columns.map((col, i) => {
        return paint(c, col.kind, truncate(texts[r]![i]!, widths[i]!));
      }),
    );
  }
  return `${table
    .toString()
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')}\n`;
}

function humanPlain<T>(col: Column<T>, item: T): string {
  return humanText(col.kind, col.value(item)) || '-';
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}
