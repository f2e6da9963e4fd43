import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import {
  parseBoolean,
  parseConstantKey,
  parseDate,
  parseDuration,
  parseEnum,
  parseFieldList,
  parseInteger,
  parseKeyValue,
  parseKeyValueList,
  parseLabels,
  parseNumber,
  parseShortname,
  parseSort,
  parseTags,
  parseUuidOrShortname,
  tryParseDate,
} from '../../src/lib/parse.js';

/** Assert a UsageError with exactly this one-line message. */
function expectUsage(fn: () => unknown, message: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(UsageError);
  expect((caught as Error).message).toBe(message);
  expect(message).not.toContain('\n');
}

describe('parseKeyValue', () => {
  it('splits on the first "="', () => {
    expect(parseKeyValue('--constant', 'A=1')).toEqual({ key: 'A', value: '1' });
    expect(parseKeyValue('--constant', 'A=b=c')).toEqual({ key: 'A', value: 'b=c' });
    expect(parseKeyValue('--constant', 'A=')).toEqual({ key: 'A', value: '' });
  });

  it.each(['FOO', '=x', ''])('rejects %j', (raw) => {
    expectUsage(() => parseKeyValue('--constant', raw), `--constant expects KEY=VALUE, got ${JSON.stringify(raw)}`);
  });
});

describe('parseKeyValueList and parseLabels', () => {
  it('keeps every pair in order', () => {
    expect(parseKeyValueList('--constant', ['A=1', 'A=2'])).toEqual([
      { key: 'A', value: '1' },
      { key: 'A', value: '2' },
    ]);
  });

  it('lets the last duplicate label win', () => {
    expect(parseLabels('--label', ['team=a', 'env=prod', 'team=b'])).toEqual({ team: 'b', env: 'prod' });
  });

  it('stores "__proto__" as plain data', () => {
    const labels = parseLabels('--label', ['__proto__=x']);
    expect(Object.keys(labels)).toEqual(['__proto__']);
    expect(labels['__proto__']).toBe('x');
  });

  it('names the flag on a bad item', () => {
    expectUsage(() => parseLabels('--label', ['a=1', 'oops']), '--label expects KEY=VALUE, got "oops"');
  });
});

describe('parseConstantKey', () => {
  it.each(['QARNOT_DISABLE_CPU_BOOST', 'docker.repo', 'a-b_c.9'])('accepts %j', (key) => {
    expect(parseConstantKey('--constant', key)).toBe(key);
  });

  it.each(['A B', '', 'é', 'A=B'])('rejects %j', (key) => {
    expectUsage(
      () => parseConstantKey('--constant', key),
      `--constant key must use only letters, digits, "_", "." and "-", got ${JSON.stringify(key)}`,
    );
  });
});

describe('parseInteger', () => {
  it.each([
    ['42', 42],
    ['0', 0],
    ['-3', -3],
    [' 7 ', 7],
    ['007', 7],
  ])('%j -> %d', (raw, n) => {
    expect(parseInteger('--n', raw)).toBe(n);
  });

  it.each(['1.5', '12abc', '', ' ', '0x10', '1e3', '+', 'NaN'])('rejects %j', (raw) => {
    expectUsage(() => parseInteger('--n', raw), `--n must be an integer, got ${JSON.stringify(raw)}`);
  });

  it.each(['2147483648', '99999999999999999999'])('rejects %j, beyond the API\'s 32-bit integers', (raw) => {
    expectUsage(() => parseInteger('--n', raw), `--n must be at most 2147483647, got "${raw}"`);
    expect(parseInteger('--n', '2147483647')).toBe(2147483647);
  });

  it('writes a value holding double quotes as written, in single quotes', () => {
    expectUsage(() => parseInteger('--n', '"abc"'), `--n must be an integer, got '"abc"'`);
    expectUsage(() => parseInteger('--n', 'a"\nb'), '--n must be an integer, got "a\\"\\nb"');
  });

  it('enforces bounds and says which', () => {
    expectUsage(
      () => parseInteger('--instances', '0', { min: 1, max: 2048 }),
      '--instances must be an integer between 1 and 2048, got "0"',
    );
    expectUsage(() => parseInteger('--limit', '0', { min: 1 }), '--limit must be an integer >= 1, got "0"');
    expectUsage(() => parseInteger('--n', '11', { max: 10 }), '--n must be an integer <= 10, got "11"');
    expect(parseInteger('--instances', '2048', { min: 1, max: 2048 })).toBe(2048);
  });
});

describe('parseNumber', () => {
  it.each([
    ['1.5', 1.5],
    ['.5', 0.5],
    ['-2', -2],
    ['1e3', 1000],
    ['3.', 3],
  ])('%j -> %d', (raw, n) => {
    expect(parseNumber('--factor', raw)).toBe(n);
  });

  it.each(['', 'abc', '12abc', '0x10', 'Infinity', '1e999'])('rejects %j', (raw) => {
    expectUsage(() => parseNumber('--factor', raw), `--factor must be a number, got ${JSON.stringify(raw)}`);
  });

  it('supports an exclusive minimum', () => {
    expectUsage(
      () => parseNumber('--factor', '0', { min: 0, exclusiveMin: true }),
      '--factor must be a number greater than 0, got "0"',
    );
    expectUsage(
      () => parseNumber('--factor', '2', { min: 0, max: 1, exclusiveMin: true }),
      '--factor must be a number greater than 0 and at most 1, got "2"',
    );
    expect(parseNumber('--factor', '0.1', { min: 0, exclusiveMin: true })).toBe(0.1);
    expect(parseNumber('--factor', '0', { min: 0 })).toBe(0);
  });
});

describe('parseBoolean', () => {
  it.each([
    ['true', true],
    ['YES', true],
    ['1', true],
    ['false', false],
    ['No', false],
    ['0', false],
  ])('%j -> %s', (raw, value) => {
    expect(parseBoolean('--flag', raw)).toBe(value);
  });

  it('rejects anything else', () => {
    expectUsage(() => parseBoolean('--flag', 'maybe'), '--flag expects true or false (or yes/no, 1/0), got "maybe"');
  });
});

describe('parseDuration', () => {
  const S = 1000;
  it.each([
    ['500ms', 500],
    ['30s', 30 * S],
    ['5m', 300 * S],
    ['1h30m', 5400 * S],
    ['1h 30m', 5400 * S],
    ['2d', 172_800 * S],
    ['1w', 604_800 * S],
    ['1.5h', 5400 * S],
    ['2 hours', 7200 * S],
    ['90', 90 * S],
    ['0.5', 500],
    ['0', 0],
    ['01:30:00', 5400 * S],
    ['1.02:00:00', 93_600 * S],
    ['00:00:01.5', 1500],
    ['1H30M', 5400 * S],
  ])('%j -> %d ms', (raw, ms) => {
    expect(parseDuration('--timeout', raw)).toBe(ms);
  });

  it.each(['', 'abc', '5x', '1h30', 'h', '1:30', '25:00:00', '5 m x'])('rejects %j listing the forms', (raw) => {
    expectUsage(
      () => parseDuration('--timeout', raw),
      `--timeout expects a duration like 500ms, 30s, 5m, 1h30m, 2d, 90 (seconds) or [d.]hh:mm:ss, got ${JSON.stringify(raw)}`,
    );
  });

  it('rejects negative durations', () => {
    expectUsage(() => parseDuration('--timeout', '-5m'), '--timeout must not be negative, got "-5m"');
  });
});

describe('parseShortname', () => {
  it.each(['a', 'render-1', '9lives', 'A-b-C', 'x'.repeat(255)])('accepts %j', (raw) => {
    expect(parseShortname('--shortname', raw)).toBe(raw);
  });

  it.each(['', '-a', 'a-', 'a_b', 'a b', 'é', 'x'.repeat(256)])('rejects %j', (raw) => {
    expectUsage(
      () => parseShortname('--shortname', raw),
      `--shortname must be 1-255 letters, digits or "-", starting with a letter or digit and not ending with "-", got ${JSON.stringify(raw)}`,
    );
  });
});

describe('parseTags', () => {
  it('keeps one tag per flag, commas included, dropping exact duplicates', () => {
    expect(parseTags('--tag', ['a,b', 'urgent', 'urgent'])).toEqual(['a,b', 'urgent']);
  });

  it('allows ten tags and refuses eleven', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `t${i}`);
    expect(parseTags('--tag', ten)).toHaveLength(10);
    expectUsage(() => parseTags('--tag', [...ten, 'extra']), '--tag: at most 10 tags are allowed, got 11');
  });

  it('rejects empty and over-long tags', () => {
    expectUsage(() => parseTags('--tag', [' ']), '--tag: a tag must not be empty');
    expect(parseTags('--tag', ['x'.repeat(512)])).toHaveLength(1);
    expectUsage(() => parseTags('--tag', ['x'.repeat(513)]), '--tag: a tag must be at most 512 characters, got 513');
  });
});

describe('parseDate', () => {
  const now = new Date('2026-11-10T15:30:45.250Z');
  const iso = (raw: string) => parseDate('--since', raw, now).toISOString();

  it.each([
    ['2026-11-01', '2026-11-01T00:00:00.000Z'],
    ['2026-11-01T10:20:30Z', '2026-11-01T10:20:30.000Z'],
    ['2026-11-01T10:20:30', '2026-11-01T10:20:30.000Z'],
    ['2026-11-01 10:20', '2026-11-01T10:20:00.000Z'],
    ['2026-11-01T10:20:30.123456Z', '2026-11-01T10:20:30.123Z'],
    ['2026-11-01T10:20:30+02:00', '2026-11-01T08:20:30.000Z'],
    ['2026-11-01T10:20:30-0130', '2026-11-01T11:50:30.000Z'],
    ['2026-11-01t10:20:30z', '2026-11-01T10:20:30.000Z'],
    ['-2h', '2026-11-10T13:30:45.250Z'],
    ['-7d', '2026-11-03T15:30:45.250Z'],
    ['-30m', '2026-11-10T15:00:45.250Z'],
    ['-90s', '2026-11-10T15:29:15.250Z'],
    ['-1w', '2026-11-03T15:30:45.250Z'],
    ['-1h30m', '2026-11-10T14:00:45.250Z'],
    ['2h ago', '2026-11-10T13:30:45.250Z'],
    ['3 days ago', '2026-11-07T15:30:45.250Z'],
    ['now', '2026-11-10T15:30:45.250Z'],
    ['NOW', '2026-11-10T15:30:45.250Z'],
    ['today', '2026-11-10T00:00:00.000Z'],
    ['yesterday', '2026-11-09T00:00:00.000Z'],
  ])('%j -> %s', (raw, expected) => {
    expect(iso(raw)).toBe(expected);
  });

  it.each(['', 'soon', '2026-13-01', '2026-02-30', '2026-11-01T25:00', '2h', '-2', '2026/11/01', '-2x', 'ago'])(
    'rejects %j listing the accepted forms',
    (raw) => {
      expectUsage(
        () => parseDate('--since', raw, now),
        `--since expects a date: 2026-11-01, 2026-11-01T10:00:00Z (no zone = UTC), -2h, -7d, -30m, -90s, -1w, "2h ago", now, today or yesterday; got ${JSON.stringify(raw)}`,
      );
    },
  );

  it('returns undefined from tryParseDate instead of throwing', () => {
    expect(tryParseDate('nope', now)).toBeUndefined();
  });

  it('does not alias the caller\'s now', () => {
    expect(parseDate('--since', 'now', now)).not.toBe(now);
  });
});

describe('parseUuidOrShortname', () => {
  it.each(['0f9c8e2a-1b2c-4d5e-8f90-a1b2c3d4e5f6', '0F9C8E2A-1B2C-4D5E-8F90-A1B2C3D4E5F6', 'my-task'])(
    'returns %j unchanged',
    (raw) => {
      expect(parseUuidOrShortname('ID', raw)).toBe(raw);
    },
  );

  it.each(['', 'a b', 'a-', 'x/y'])('rejects %j naming the argument', (raw) => {
    expectUsage(
      () => parseUuidOrShortname('ID', raw),
      `ID must be a uuid or a shortname (letters, digits and "-", starting with a letter or digit), got ${JSON.stringify(raw)}`,
    );
  });
});

describe('parseEnum', () => {
  const scheduling = ['flex', 'onDemand', 'reserved'] as const;

  it('matches case-insensitively and returns the canonical spelling', () => {
    expect(parseEnum('--scheduling', 'ONDEMAND', scheduling)).toBe('onDemand');
    expect(parseEnum('--scheduling', 'flex', scheduling)).toBe('flex');
  });

  it('lists the allowed values', () => {
    expectUsage(
      () => parseEnum('--scheduling', 'fast', scheduling),
      '--scheduling must be one of flex, onDemand, reserved, got "fast"',
    );
  });
});

describe('parseSort', () => {
  const fields = ['creationDate', 'name', 'state', 'executionTime'] as const;

  it.each([
    ['name', { field: 'name', order: 'ASC' }],
    ['name:desc', { field: 'name', order: 'DESC' }],
    ['CREATIONDATE:ASC', { field: 'creationDate', order: 'ASC' }],
    ['state : Desc', { field: 'state', order: 'DESC' }],
  ])('%j', (raw, spec) => {
    expect(parseSort('--sort', raw, fields)).toEqual(spec);
  });

  it.each(['colour', 'name:up', 'name:asc:x', '', ':desc'])('rejects %j', (raw) => {
    expectUsage(
      () => parseSort('--sort', raw, fields),
      `--sort expects FIELD[:asc|desc] with FIELD one of creationDate, name, state, executionTime, got ${JSON.stringify(raw)}`,
    );
  });
});

describe('parseFieldList', () => {
  it('splits, trims and keeps dotted paths', () => {
    expect(parseFieldList('--select', 'a, b ,status.executionProgress,running-instances')).toEqual([
      'a',
      'b',
      'status.executionProgress',
      'running-instances',
    ]);
  });

  it('rejects empty items', () => {
    expectUsage(
      () => parseFieldList('--select', 'a,,b'),
      '--select expects comma-separated field names like name,state,status.executionProgress; an empty field in "a,,b"',
    );
    expectUsage(
      () => parseFieldList('--select', ''),
      '--select expects comma-separated field names like name,state,status.executionProgress; an empty field in ""',
    );
  });

  it('rejects malformed paths', () => {
    expectUsage(
      () => parseFieldList('--select', 'a..b'),
      '--select expects comma-separated field names like name,state,status.executionProgress; field "a..b" in "a..b"',
    );
  });
});
