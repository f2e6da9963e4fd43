import type { ChalkInstance } from 'chalk';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { formatRelative } from '../lib/timespan.js';
import type { ItemPages } from '../api/paginate.js';
import { schemaFields, schemaPath } from '../api/schema.js';
import { didYouMean } from '../lib/suggest.js';
import { getPath, project, splitFields } from './fields.js';
import { fitWidths, type FitColumn } from './fit.js';
import { visibleControls } from './controls.js';

export type CellKind = 'text' | 'state' | 'date' | 'percent' | 'id' | 'instances';

/** A table column; how it gives way on a narrow terminal is FitColumn's. */
export interface Column<T> extends FitColumn {
  value: (item: T) => unknown;
  kind?: CellKind;
}

/** How one kind of resource prints: its table columns and its identifier. */
export interface View<T> {
  /** Plural noun for messages: "tasks". */
  plural: string;
  columns: Column<T>[];
  /** Fields shown by `show` in table mode, in order. */
  details?: Column<T>[];
  /** The API's output schema (src/api/schema-fields.ts): --fields paths are checked against it. */
  schema?: string;
  /** Or, for objects of our own (bucket listings), their fields: --fields is checked against them. */
  fields?: readonly string[];
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
 * Prints a list in the chosen mode. Every mode but table prints each page as it
 * arrives; a table needs everything first, for its widths. Returns the item count.
 */
export async function printItems<T>(ctx: Context, source: ItemSource<T>, view: View<T>): Promise<number> {
  const mode = outputMode(ctx);
  const picked = pickFields(ctx.globals.fields, view);
  const columns = picked ?? view.columns;
  const shape = (item: T) => (picked ? projectPicked(item, picked) : item);
  const out = (s: string) => ctx.io.out(s);
  let count = 0;
  if (mode === 'jsonl' && !picked && 'jsonLines' in source) {
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
    switch (mode) {
      case 'ids':
        out(page.map((item) => `${view.id(item)}\n`).join(''));
        break;
      case 'jsonl':
        out(page.map((item) => `${JSON.stringify(shape(item))}\n`).join(''));
        break;
      case 'tsv':
        out(page.map((item) => `${columns.map((c) => tsvCell(c.kind, c.value(item))).join('\t')}\n`).join(''));
        break;
      case 'json':
        // The array is written as it comes, as JSON.stringify(all, null, 2) would write it:
        // 100,000 tasks held at once were 1.7 GB.
        if (page.length > 0) out(`${count === 0 ? '[\n' : ',\n'}${page.map((item) => `  ${JSON.stringify(shape(item), null, 2).replace(/\n/g, '\n  ')}`).join(',\n')}`);
        break;
      default:
        buffered.push(...page);
    }
    count += page.length;
    await ctx.io.drained();
  }
  if (mode === 'json') {
    out(count === 0 ? '[]\n' : '\n]\n');
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
  const picked = pickFields(ctx.globals.fields, view);
  const shaped = picked ? projectPicked(item, picked) : item;
  const out = (s: string) => ctx.io.out(s);
  switch (mode) {
    case 'ids':
      return out(`${view.id(item)}\n`);
    case 'json':
      return out(`${JSON.stringify(shaped, null, 2)}\n`);
    case 'jsonl':
      return out(`${JSON.stringify(shaped)}\n`);
    case 'tsv': {
      const columns = picked ?? view.details ?? view.columns;
      return out(columns.map((c) => `${c.header.toLowerCase()}\t${tsvCell(c.kind, c.value(item))}\n`).join(''));
    }
    case 'table': {
      const columns = picked ?? view.details ?? view.columns;
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

async function* pagesOf<T>(source: ItemSource<T>): AsyncIterable<T[]> {
  if (Array.isArray(source)) {
    yield source;
    return;
  }
  yield* source;
}

/** A --fields entry: a JSON path of the object (`path`), or one of the view's columns by name. */
type PickedColumn<T> = Column<T> & { path?: string };

/** Checks --fields against a view before anything is sent: exit 2 on an unknown field. */
export function checkFields<T>(ctx: Context, view: View<T>): void {
  pickFields(ctx.globals.fields, view);
}

/**
 * --fields as columns: JSON paths of the resource (checked against the API's output
 * schema, any case) or the view's column names (`created`); anything else exits 2
 * listing what is valid, rather than printing an empty column.
 */
function pickFields<T>(raw: string | undefined, view: View<T>): PickedColumn<T>[] | undefined {
  const fields = splitFields(raw);
  if (!fields) return undefined;
  const named = [...view.columns, ...(view.details ?? [])];
  return fields.map((field) => {
    const column = named.find((c) => c.header.toLowerCase() === field.toLowerCase());
    // A view that does not know its objects' fields takes any path, but its own columns first.
    if (column && !view.schema && !view.fields) return column;
    const path = view.schema ? schemaPath(view.schema, field) : view.fields ? view.fields.find((f) => f.toLowerCase() === field.toLowerCase()) : field;
    if (path !== undefined) return pathColumn<T>(field, path);
    if (column) return column;
    const columns = [...new Set(named.map((c) => c.header.toLowerCase()))];
    const jsonFields = view.schema ? [...schemaFields(view.schema).values()].map(([name]) => name) : [...(view.fields ?? [])];
    throw new UsageError(
      `--fields: unknown field ${JSON.stringify(field)}${didYouMean(field.split('.').pop()!, [...columns, ...jsonFields])}; ` +
        `give column names (${columns.join(', ')})${jsonFields.length ? ` or JSON fields of the object, nested with dots (${jsonFields.join(', ')})` : ''}`,
    );
  });
}

function pathColumn<T>(field: string, path: string): PickedColumn<T> {
  return {
    header: field.toUpperCase(),
    path,
    value: (item: T) => getPath(item, path),
    identifier: /(uuid|name)$/i.test(path),
    kind: /state$/i.test(path) ? 'state' : /(date|time)$/i.test(path) && !/(execution|wall)time$/i.test(path) ? 'date' : 'text',
  };
}

/** The object reduced to the picked fields: JSON paths nested as in the source, columns by name. */
function projectPicked<T>(item: T, picked: PickedColumn<T>[]): Record<string, unknown> {
  const result = project(item, picked.flatMap((c) => (c.path === undefined ? [] : [c.path])));
  for (const column of picked) if (column.path === undefined) result[column.header.toLowerCase()] = column.value(item) ?? null;
  return result;
}

/** Ratios named by their acronym (carbon facts) keep it. */
const ACRONYMS = new Set(['PUE', 'ERE', 'ERF', 'WUE']);

function titleCase(header: string): string {
  return ACRONYMS.has(header) ? header : header.charAt(0) + header.slice(1).toLowerCase();
}

function plain(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(',');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A TSV cell: ISO dates as they are, but the API's "not yet" date (0001-01-01) empty, as in tables. */
function tsvCell(kind: CellKind | undefined, value: unknown): string {
  const text = plain(value);
  if (kind === 'date' && isUnsetDate(text)) return '';
  return inlineText(text);
}

/** A value from the API inside a line for people: on that one line, and unable to drive the terminal. */
export function inlineText(text: string): string {
  return visibleControls(text.replace(/[\t\n\r]/g, ' '));
}

/** The API's placeholder for a date that has not happened (a running task's endDate). */
const isUnsetDate = (text: string) => text.startsWith('0001-01-01');

/** A cell as people read it, without colour: relative dates, percentages; '' when empty. */
function humanText(kind: CellKind | undefined, value: unknown): string {
  const text = visibleControls(plain(value).replace(/[\t\r]/g, ' '));
  if (text === '') return '';
  if (kind === 'date') {
    if (isUnsetDate(text)) return '';
    return Number.isNaN(Date.parse(text)) ? text : formatRelative(new Date(text), new Date());
  }
  if (kind === 'percent') return `${Math.round(Number(value))}%`;
  // A range of instance ids ("0-2,5") must not read as a count.
  if (kind === 'instances') return `instances ${text}`;
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

/** Borderless, fitted to the terminal by fitWidths: identifiers whole, secondary columns dropped first. */
function renderTable<T>(Table: typeof import('cli-table3'), ctx: Context, allColumns: Column<T>[], items: T[]): string {
  const c = ctx.io.color;
  const gap = 2;
  const allTexts = items.map((item) => allColumns.map((col) => humanPlain(col, item)));
  const natural = allColumns.map((col, i) => Math.max(col.header.length, ...allTexts.map((row) => row[i]!.length)));
  const fitted = fitWidths(allColumns.map((col) => ({ ...col, identifier: col.identifier || col.kind === 'id' })), natural, ctx.io.columns, gap);
  const kept = allColumns.map((_col, i) => i).filter((i) => fitted[i] !== null);
  const columns = kept.map((i) => allColumns[i]!);
  const widths = kept.map((i) => fitted[i]!);
  const texts = allTexts.map((row) => kept.map((i) => row[i]!));
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
