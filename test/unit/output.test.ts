import { describe, expect, it } from 'vitest';
import type { Context, GlobalOptions } from '../../src/context.js';
import { colorLevel, systemIO } from '../../src/output/io.js';
import { getPath, project } from '../../src/output/fields.js';
import { fitWidths } from '../../src/output/fit.js';
import { printItems, printRecord, type View } from '../../src/output/print.js';
import { testIO } from '../helpers/io.js';

interface Item {
  uuid: string;
  name: string;
  state: string;
  status: { executionProgress: number };
}

const view: View<Item> = {
  plural: 'items',
  id: (i) => i.uuid,
  columns: [
    { header: 'UUID', value: (i) => i.uuid },
    { header: 'NAME', value: (i) => i.name, flexible: true },
    { header: 'STATE', value: (i) => i.state, kind: 'state' },
  ],
};

const items: Item[] = [
  { uuid: 'u1', name: 'first\ttask', state: 'Success', status: { executionProgress: 100 } },
  { uuid: 'u2', name: 'a very long name that will not fit in a narrow terminal at all', state: 'Failure', status: { executionProgress: 50 } },
];

function context(globals: Partial<GlobalOptions>, tty = false) {
  const io = testIO({ tty });
  const ctx = { io, globals: { color: false, ...globals } } as unknown as Context;
  return { ctx, io };
}

async function* pages(): AsyncGenerator<Item[]> {
  yield [items[0]!];
  yield [items[1]!];
}

describe('printItems', () => {
  it('prints tab-separated rows without a header when piped', async () => {
    const { ctx, io } = context({});
    expect(await printItems(ctx, items, view)).toBe(2);
    expect(io.stdoutText()).toBe('u1\tfirst task\tSuccess\nu2\ta very long name that will not fit in a narrow terminal at all\tFailure\n');
  });

  it('prints ids only with --quiet, page by page', async () => {
    const { ctx, io } = context({ quiet: true });
    await printItems(ctx, pages(), view);
    expect(io.stdoutText()).toBe('u1\nu2\n');
  });

  it('prints the objects unchanged as json, and one per line as jsonl', async () => {
    const json = context({ json: true });
    await printItems(json.ctx, items, view);
    expect(JSON.parse(json.io.stdoutText())).toEqual(items);
    const jsonl = context({ format: 'jsonl' });
    await printItems(jsonl.ctx, pages(), view);
    expect(jsonl.io.stdoutText().trim().split('\n').map((l) => JSON.parse(l))).toEqual(items);
  });

  it('streams json page by page, byte for byte what one JSON.stringify of the whole list writes', async () => {
    const nested = [...items, { uuid: 'u3', name: 'multi\nline "quoted"', state: 'Running', status: { executionProgress: 0 }, tags: [], errors: [{ code: 1 }] }];
    const json = context({ json: true });
    let beforeSecondPage = '';
    async function* threePages() {
      yield nested.slice(0, 1);
      beforeSecondPage = json.io.stdoutText();
      yield [];
      yield nested.slice(1);
    }
    expect(await printItems(json.ctx, threePages(), view)).toBe(3);
    expect(json.io.stdoutText()).toBe(`${JSON.stringify(nested, null, 2)}\n`);
    expect(beforeSecondPage).toMatch(/^\[\n {2}\{\n {4}"uuid": "u1"/);
    const empty = context({ json: true });
    await printItems(empty.ctx, (async function* () {})(), view);
    expect(empty.io.stdoutText()).toBe('[]\n');
  });

  it('shows control characters of a value as \\x escapes in tables and TSV, never raw; JSON keeps them', async () => {
    const hostile = [{ uuid: 'u9', name: 'evil\u001b]2;pwned\u0007\u001b[2J\tend', state: 'Running', status: { executionProgress: 0 } }];
    const tsv = context({});
    await printItems(tsv.ctx, hostile, view);
    expect(tsv.io.stdoutText()).toBe('u9\tevil\\x1b]2;pwned\\x07\\x1b[2J end\tRunning\n');
    const table = context({}, true);
    await printItems(table.ctx, hostile, view);
    // eslint-disable-next-line no-control-regex
    expect(table.io.stdoutText()).not.toMatch(/[\u0007\u001b](?!\[\d*m)/);
    expect(table.io.stdoutText()).toContain('evil\\x1b]2;pwned');
    const json = context({ json: true });
    await printItems(json.ctx, hostile, view);
    expect(JSON.parse(json.io.stdoutText())).toEqual(hostile);
  });

  it('checks --fields against the own fields of a view without an API schema (bucket listings)', async () => {
    const own: View<Item> = { ...view, fields: ['uuid', 'name', 'state'] };
    const tsv = context({ fields: 'NAME,uuid' });
    await printItems(tsv.ctx, items.slice(0, 1), own);
    expect(tsv.io.stdoutText()).toBe('first task\tu1\n');
    await expect(printItems(context({ fields: 'bogus' }).ctx, items, own)).rejects.toThrow(/--fields: unknown field "bogus".*\(uuid, name, state\)/);
  });

  it('projects --fields for json and tsv, nested paths included', async () => {
    const json = context({ json: true, fields: 'uuid,status.executionProgress' });
    await printItems(json.ctx, items, view);
    expect(JSON.parse(json.io.stdoutText())).toEqual([
      { uuid: 'u1', status: { executionProgress: 100 } },
      { uuid: 'u2', status: { executionProgress: 50 } },
    ]);
    const tsv = context({ fields: 'name,status.executionProgress' });
    await printItems(tsv.ctx, items, view);
    expect(tsv.io.stdoutText().split('\n')[1]).toBe('a very long name that will not fit in a narrow terminal at all\t50');
  });

  it('renders a borderless table fitted to the terminal on a TTY', async () => {
    const { ctx, io } = context({}, true);
    await printItems(ctx, items, view);
    const lines = io.stdoutText().trimEnd().split('\n');
    expect(lines[0]).toMatch(/^UUID\s+NAME\s+STATE$/);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(100);
    expect(io.stdoutText()).not.toMatch(/[│┌─]/);
  });

  it('says so on stderr when a TTY list is empty, and prints nothing on stdout', async () => {
    const { ctx, io } = context({}, true);
    await printItems(ctx, [], view);
    expect(io.stdoutText()).toBe('');
    expect(io.stderrText()).toBe('No items found\n');
  });

  it('rejects --json with another --format', async () => {
    const { ctx } = context({ json: true, format: 'tsv' });
    await expect(printItems(ctx, items, view)).rejects.toThrow(/--json conflicts with --format tsv/);
  });
});

describe('printRecord', () => {
  it('prints key/value lines when piped', () => {
    const { ctx, io } = context({});
    printRecord(ctx, items[0]!, view);
    expect(io.stdoutText()).toBe('uuid\tu1\nname\tfirst task\nstate\tSuccess\n');
  });
});

describe('fields', () => {
  it('reads dotted paths case-insensitively and projects them nested', () => {
    expect(getPath({ status: { executionProgress: 3 } }, 'Status.ExecutionProgress')).toBe(3);
    expect(getPath({ list: [{ a: 1 }] }, 'list.0.a')).toBe(1);
    expect(project({ a: { b: 1, c: 2 }, d: 3 }, ['a.b', 'x'])).toEqual({ a: { b: 1 }, x: null });
  });
});

describe('colorLevel', () => {
  const on = { colorFlag: true };
  it('follows NO_COLOR, --no-color, TERM=dumb, TTY and FORCE_COLOR', () => {
    expect(colorLevel(true, { ...on, env: {} })).toBeGreaterThan(0);
    expect(colorLevel(false, { ...on, env: {} })).toBe(0);
    expect(colorLevel(true, { ...on, env: { NO_COLOR: '1' } })).toBe(0);
    expect(colorLevel(true, { ...on, env: { NO_COLOR: '' } })).toBeGreaterThan(0);
    expect(colorLevel(true, { colorFlag: false, env: {} })).toBe(0);
    expect(colorLevel(true, { ...on, env: { TERM: 'dumb' } })).toBe(0);
    expect(colorLevel(false, { ...on, env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).toBe(1);
    expect(colorLevel(true, { ...on, env: { FORCE_COLOR: '0' } })).toBe(0);
  });
});

describe('systemIO without chalk', () => {
  it('offers chalk\'s chainable styles, returning the text unchanged', () => {
    const io = systemIO({ env: { NO_COLOR: '1' }, colorFlag: true }, null);
    expect(io.color.level).toBe(0);
    expect(io.color.bold.red('a', 'b')).toBe('a b');
    expect(io.colorErr.green('✓')).toBe('✓');
    expect(io.color['cyan']('x')).toBe('x');
  });
});

describe('fitWidths', () => {
  const uuid = { header: 'UUID', identifier: true };
  const state = { header: 'STATE', shrink: 2 };
  const profile = { header: 'PROFILE', drop: 1 };
  const created = { header: 'CREATED', drop: 3 };
  const note = { header: 'NOTE' };

  it('changes nothing when the table fits, or when there is no width', () => {
    expect(fitWidths([uuid, state], [36, 14], 80, 2)).toEqual([36, 14]);
    expect(fitWidths([uuid, state], [36, 14], undefined, 2)).toEqual([36, 14]);
  });

  it('drops and abbreviates by rank before cutting anything else, identifiers never', () => {
    // 36 + 14 + 12 + 10 + 20 + 4 gaps of 2 = 100.
    const columns = [uuid, state, profile, created, note];
    expect(fitWidths(columns, [36, 14, 12, 10, 20], 90, 2)).toEqual([36, 14, null, 10, 20]);
    expect(fitWidths(columns, [36, 14, 12, 10, 20], 84, 2)).toEqual([36, 12, null, 10, 20]);
    expect(fitWidths(columns, [36, 14, 12, 10, 20], 80, 2)).toEqual([36, 8, null, 10, 20]);
    expect(fitWidths(columns, [36, 14, 12, 10, 20], 70, 2)).toEqual([36, 8, null, null, 20]);
    expect(fitWidths(columns, [36, 14, 12, 10, 20], 40, 2)).toEqual([36, 8, null, null, 8]);
  });
});
