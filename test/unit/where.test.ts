import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { compileWhere, WhereSyntaxError, type Filter } from '../../src/search/index.js';

const now = new Date('2026-11-10T12:00:00Z');
const task = (expr: string): Filter => compileWhere(expr, 'task', now);
const eq = (field: string, value: string): Filter => ({ field, operator: 'Equal', value });

/** Compile and return the WhereSyntaxError, failing if it does not throw one. */
function whereError(expr: string, resource: 'task' | 'pool' | 'job' = 'task'): WhereSyntaxError {
  try {
    compileWhere(expr, resource, now);
  } catch (err) {
    expect(err).toBeInstanceOf(WhereSyntaxError);
    expect(err).toBeInstanceOf(UsageError);
    return err as WhereSyntaxError;
  }
  throw new Error(`expected ${JSON.stringify(expr)} to fail`);
}

/** The first line of the error, and check the caret lines point at `column`. */
function firstLine(expr: string, column: number, resource: 'task' | 'pool' | 'job' = 'task'): string {
  const err = whereError(expr, resource);
  expect(err.column).toBe(column);
  expect(err.expression).toBe(expr);
  const lines = err.message.split('\n');
  expect(lines).toHaveLength(3);
  expect(lines[1]).toBe(`  ${expr}`);
  expect(lines[2]).toBe(`  ${' '.repeat(column - 1)}^`);
  return lines[0]!;
}

describe('compileWhere: the examples from the brief', () => {
  it('compiles a mixed expression to one flat And', () => {
    expect(task("state = Failure and (name like 'render-*' or tags has urgent) and created > 2026-11-01")).toEqual({
      operator: 'And',
      filters: [
        eq('State', 'Failure'),
        {
          operator: 'Or',
          filters: [
            { field: 'Name', operator: 'Like', value: 'render-*' },
            eq('Tags', 'urgent'),
          ],
        },
        { field: 'CreationDate', operator: 'GreaterThan', value: '2026-11-01T00:00:00Z' },
      ],
    });
  });

  it('compiles "in" to a MultipleValueLeaf', () => {
    expect(task('state in (Success, Failure)')).toEqual({ field: 'State', operator: 'In', values: ['Success', 'Failure'] });
  });

  it('negates a leaf for "not (...)"', () => {
    expect(task('not (profile = docker-batch)')).toEqual({
      field: 'Profile',
      operator: 'NotEqual',
      value: 'docker-batch',
    });
  });
});

describe('compileWhere: comparison operators', () => {
  it.each([
    ['name = a', 'Equal'],
    ['name == a', 'Equal'],
    ['name != a', 'NotEqual'],
    ['name <> a', 'NotEqual'],
    ['name < a', 'LessThan'],
    ['name <= a', 'LessThanOrEqual'],
    ['name > a', 'GreaterThan'],
    ['name >= a', 'GreaterThanOrEqual'],
    ['name like a', 'Like'],
    ['name LIKE a', 'Like'],
  ])('%s -> %s', (expr, operator) => {
    expect(task(expr)).toEqual({ field: 'Name', operator, value: 'a' });
  });

  it('needs no spaces around symbolic operators', () => {
    expect(task('name!=a')).toEqual({ field: 'Name', operator: 'NotEqual', value: 'a' });
    expect(task('instances>=3')).toEqual({ field: 'InstanceCount', operator: 'GreaterThanOrEqual', value: '3' });
  });

  it('compiles "not in" to NotIn', () => {
    expect(task('state not in (success,FAILURE)')).toEqual({
      field: 'State',
      operator: 'NotIn',
      values: ['Success', 'Failure'],
    });
  });

  it('keeps a one-element "in" list as In', () => {
    expect(task('profile in (docker-batch)')).toEqual({ field: 'Profile', operator: 'In', values: ['docker-batch'] });
  });

  it('passes like patterns through unchanged', () => {
    expect(task('name like %render%')).toEqual({ field: 'Name', operator: 'Like', value: '%render%' });
    expect(task("name like 'a b*'")).toEqual({ field: 'Name', operator: 'Like', value: 'a b*' });
  });
});

describe('compileWhere: tags', () => {
  it('treats "has" and "=" as membership', () => {
    expect(task('tags has urgent')).toEqual(eq('Tags', 'urgent'));
    expect(task('tag = urgent')).toEqual(eq('Tags', 'urgent'));
    expect(task('tags HAS urgent')).toEqual(eq('Tags', 'urgent'));
  });

  it('maps "!=" and a negated "has" to NotEqual (does not contain)', () => {
    const notEq = { field: 'Tags', operator: 'NotEqual', value: 'urgent' };
    expect(task('tags != urgent')).toEqual(notEq);
    expect(task('not tags has urgent')).toEqual(notEq);
  });

  it('expands "in" to any-of and "not in" to none-of', () => {
    expect(task('tags in (a, b)')).toEqual({ operator: 'Or', filters: [eq('Tags', 'a'), eq('Tags', 'b')] });
    expect(task('tags not in (a, b)')).toEqual({
      operator: 'And',
      filters: [
        { field: 'Tags', operator: 'NotEqual', value: 'a' },
        { field: 'Tags', operator: 'NotEqual', value: 'b' },
      ],
    });
    expect(task('not tags in (a, b)')).toEqual(task('tags not in (a, b)'));
    expect(task('tags in (a)')).toEqual(eq('Tags', 'a'));
  });
});

describe('compileWhere: precedence and structure', () => {
  const a = eq('Name', 'a');
  const b = eq('Name', 'b');
  const c = eq('Name', 'c');

  it('gives a bare leaf for one comparison', () => {
    expect(task('name = a')).toEqual(a);
    expect(task('((name = a))')).toEqual(a);
  });

  it('flattens chains of the same operator', () => {
    expect(task('name = a and name = b and name = c')).toEqual({ operator: 'And', filters: [a, b, c] });
    expect(task('(name = a and name = b) and name = c')).toEqual({ operator: 'And', filters: [a, b, c] });
    expect(task('name = a or (name = b or name = c)')).toEqual({ operator: 'Or', filters: [a, b, c] });
  });

  it('binds "and" tighter than "or"', () => {
    expect(task('name = a or name = b and name = c')).toEqual({
      operator: 'Or',
      filters: [a, { operator: 'And', filters: [b, c] }],
    });
    expect(task('name = a and name = b or name = c')).toEqual({
      operator: 'Or',
      filters: [{ operator: 'And', filters: [a, b] }, c],
    });
  });

  it('binds "not" tighter than "and"', () => {
    expect(task('not name = a and name = b')).toEqual({
      operator: 'And',
      filters: [{ field: 'Name', operator: 'NotEqual', value: 'a' }, b],
    });
  });

  it('lets parentheses override precedence', () => {
    expect(task('(name = a or name = b) and name = c')).toEqual({
      operator: 'And',
      filters: [{ operator: 'Or', filters: [a, b] }, c],
    });
  });

  it('reads keywords in any case', () => {
    expect(task('NOT name = a AND name = b Or name = c')).toEqual(task('not name = a and name = b or name = c'));
  });
});

describe('compileWhere: negation (De Morgan)', () => {
  it.each([
    ['not name = a', 'NotEqual'],
    ['not name != a', 'Equal'],
    ['not name < a', 'GreaterThanOrEqual'],
    ['not name >= a', 'LessThan'],
    ['not name <= a', 'GreaterThan'],
    ['not name > a', 'LessThanOrEqual'],
  ])('%s -> %s', (expr, operator) => {
    expect(task(expr)).toEqual({ field: 'Name', operator, value: 'a' });
  });

  it('swaps In and NotIn', () => {
    expect(task('not state in (Success)')).toEqual({ field: 'State', operator: 'NotIn', values: ['Success'] });
    expect(task('not state not in (Success)')).toEqual({ field: 'State', operator: 'In', values: ['Success'] });
  });

  it('turns not (a and b) into (not a) or (not b)', () => {
    expect(task('not (name = a and state = Success)')).toEqual({
      operator: 'Or',
      filters: [
        { field: 'Name', operator: 'NotEqual', value: 'a' },
        { field: 'State', operator: 'NotEqual', value: 'Success' },
      ],
    });
  });

  it('turns not (a or b) into (not a) and (not b), flattening into the outer And', () => {
    expect(task('not (name = a or name = b) and instances > 2')).toEqual({
      operator: 'And',
      filters: [
        { field: 'Name', operator: 'NotEqual', value: 'a' },
        { field: 'Name', operator: 'NotEqual', value: 'b' },
        { field: 'InstanceCount', operator: 'GreaterThan', value: '2' },
      ],
    });
  });

  it('cancels double negation', () => {
    expect(task('not not name = a')).toEqual(eq('Name', 'a'));
    expect(task('not (not (name = a or name = b))')).toEqual(task('name = a or name = b'));
  });

  it('pushes through nested groups', () => {
    expect(task('not (name = a and (name = b or tags has t))')).toEqual({
      operator: 'Or',
      filters: [
        { field: 'Name', operator: 'NotEqual', value: 'a' },
        {
          operator: 'And',
          filters: [
            { field: 'Name', operator: 'NotEqual', value: 'b' },
            { field: 'Tags', operator: 'NotEqual', value: 't' },
          ],
        },
      ],
    });
  });

  it('refuses to negate "like", pointing at the operator', () => {
    const expr = "not (state = Success and name like 'a*')";
    expect(firstLine(expr, 31)).toBe(
      '--where: cannot negate "name like ...": the API has no "not like" at column 31; rewrite the condition without "not"',
    );
    expect(firstLine('not name like x', 10)).toContain('cannot negate "name like ..."');
  });
});

describe('compileWhere: values', () => {
  it('accepts single- and double-quoted strings with escapes', () => {
    expect(task(`name = 'it\\'s'`)).toEqual(eq('Name', "it's"));
    expect(task(`name = "say \\"hi\\""`)).toEqual(eq('Name', 'say "hi"'));
    expect(task(`name = 'a\\\\b'`)).toEqual(eq('Name', 'a\\b'));
    expect(task(`name = 'tab\\there'`)).toEqual(eq('Name', 'tab\there'));
    expect(task(`name = "it's"`)).toEqual(eq('Name', "it's"));
    expect(task(`name = ''`)).toEqual(eq('Name', ''));
    expect(task(`name = 'a and b (c)'`)).toEqual(eq('Name', 'a and b (c)'));
  });

  it('lets quoting turn a keyword into a value', () => {
    expect(task(`name = 'and'`)).toEqual(eq('Name', 'and'));
  });

  it('accepts bare words with - _ . * : / + %', () => {
    expect(task('name = a-b_c.d*e:f/g+h%i')).toEqual(eq('Name', 'a-b_c.d*e:f/g+h%i'));
    expect(task('name = café')).toEqual(eq('Name', 'café'));
  });

  it('validates states case-insensitively and emits the canonical spelling', () => {
    expect(task('state = fullyexecuting')).toEqual(eq('State', 'FullyExecuting'));
    expect(task('previous-state = UPLOADINGRESULTS')).toEqual(eq('PreviousState', 'UploadingResults'));
    expect(compileWhere('state = closed', 'pool', now)).toEqual(eq('State', 'Closed'));
    expect(compileWhere('state = active', 'job', now)).toEqual(eq('State', 'Active'));
  });

  it('rejects states of another resource', () => {
    expect(firstLine('state = Closed', 9)).toBe(
      '--where: invalid task state "Closed" at column 9; expected one of Submitted, PartiallyDispatched, FullyDispatched, PartiallyExecuting, FullyExecuting, DownloadingResults, UploadingResults, Success, Failure, Cancelled, PendingCancel, PendingDelete',
    );
    expect(firstLine('state in (Active, Success)', 19, 'job')).toBe(
      '--where: invalid job state "Success" at column 19; expected one of Active, Terminating, Completed, Deleting',
    );
  });

  it('accepts numbers for instance counts', () => {
    expect(task('running-instances > 007')).toEqual({ field: 'RunningInstanceCount', operator: 'GreaterThan', value: '7' });
    expect(firstLine('instances > 1.5', 13)).toBe(
      '--where: invalid number "1.5" for instances at column 13; expected a non-negative integer',
    );
  });

  it('converts durations to TimeSpan strings', () => {
    expect(task('execution-time > 1h30m')).toEqual({ field: 'ExecutionTime', operator: 'GreaterThan', value: '01:30:00' });
    expect(task('wall-time <= 1.02:00:00')).toEqual({ field: 'WallTime', operator: 'LessThanOrEqual', value: '1.02:00:00' });
    expect(task('wall-time < 90')).toEqual({ field: 'WallTime', operator: 'LessThan', value: '00:01:30' });
    expect(firstLine('wall-time < soon', 13)).toBe(
      '--where: invalid duration "soon" for wall-time at column 13; use 30s, 5m, 1h30m, 2d or hh:mm:ss',
    );
  });

  it('accepts booleans for job use-dependencies', () => {
    expect(compileWhere('use-dependencies = TRUE', 'job', now)).toEqual(eq('UseDependencies', 'true'));
    expect(firstLine('use-dependencies = maybe', 20, 'job')).toBe(
      '--where: invalid value "maybe" for use-dependencies at column 20; expected true or false',
    );
  });
});

describe('compileWhere: dates', () => {
  const created = (expr: string) => (task(expr) as { value: string }).value;

  it.each([
    ['created > 2026-11-01', '2026-11-01T00:00:00Z'],
    ['created > 2026-11-01T10:20:30', '2026-11-01T10:20:30Z'],
    ['created > 2026-11-01T10:20:30+01:00', '2026-11-01T09:20:30Z'],
    ["created > '2026-11-01 10:20'", '2026-11-01T10:20:00Z'],
    ['created > 2026-11-01T10:20:30.5Z', '2026-11-01T10:20:30.500Z'],
    ['created > -2h', '2026-11-10T10:00:00Z'],
    ['created > -7d', '2026-11-03T12:00:00Z'],
    ['created > 2h ago', '2026-11-10T10:00:00Z'],
    ['created > 2h AGO', '2026-11-10T10:00:00Z'],
    ["created > '3 days ago'", '2026-11-07T12:00:00Z'],
    ['created > today', '2026-11-10T00:00:00Z'],
    ['created > yesterday', '2026-11-09T00:00:00Z'],
    ['created > now', '2026-11-10T12:00:00Z'],
    ['ended < 2026-11-01', '2026-11-01T00:00:00Z'],
    ['modified >= -30m', '2026-11-10T11:30:00Z'],
    ['creationdate > 2026-11-01', '2026-11-01T00:00:00Z'],
  ])('%s -> %s', (expr, value) => {
    expect(created(expr)).toBe(value);
  });

  it('maps the date fields to their API names', () => {
    expect(task('created > -1h and ended < now and modified > -1d')).toEqual({
      operator: 'And',
      filters: [
        { field: 'CreationDate', operator: 'GreaterThan', value: '2026-11-10T11:00:00Z' },
        { field: 'EndDate', operator: 'LessThan', value: '2026-11-10T12:00:00Z' },
        { field: 'LastModified', operator: 'GreaterThan', value: '2026-11-09T12:00:00Z' },
      ],
    });
  });

  it('converts every value of an "in" list', () => {
    expect(task('created in (2026-11-01T10:00Z, -1d)')).toEqual({
      field: 'CreationDate',
      operator: 'In',
      values: ['2026-11-01T10:00:00Z', '2026-11-09T12:00:00Z'],
    });
  });

  it('rejects garbage dates with the accepted forms', () => {
    expect(firstLine('created > 2026-02-30', 11)).toBe(
      '--where: invalid date "2026-02-30" for created at column 11; use 2026-11-01, 2026-11-01T10:00:00Z, -2h, -7d, "2h ago", now, today or yesterday',
    );
    expect(firstLine('created > soon', 11)).toContain('invalid date "soon" for created');
  });
});

describe('compileWhere: fields', () => {
  it.each([
    ['uuid', 'Uuid'],
    ['ID', 'Uuid'],
    ['Name', 'Name'],
    ['shortname', 'Shortname'],
    ['profile', 'Profile'],
    ['pool', 'PoolUuid'],
    ['job', 'JobUuid'],
    ['PoolUuid', 'PoolUuid'],
  ])('task field %s -> %s', (friendly, api) => {
    expect(task(`${friendly} = x1`)).toEqual(eq(api, 'x1'));
  });

  it.each([
    ['creation-date', 'CreationDate'],
    ['end-date', 'EndDate'],
    ['last-modified', 'LastModified'],
    ['creation_date', 'CreationDate'],
  ])('task date alias %s -> %s', (friendly, api) => {
    expect(task(`${friendly} > 2026-11-01`)).toEqual({ field: api, operator: 'GreaterThan', value: '2026-11-01T00:00:00Z' });
  });

  it('maps previous-state and its alias', () => {
    expect(task('previousstate = Success')).toEqual(eq('PreviousState', 'Success'));
    expect(task('Previous_State = Success')).toEqual(eq('PreviousState', 'Success'));
  });

  it('lists known fields for an unknown one', () => {
    expect(firstLine('colour = red', 1)).toBe(
      '--where: unknown field "colour" at column 1; known fields: uuid, name, shortname, profile, state, previous-state, tags, created, ended, modified, pool, job, instances, running-instances, execution-time, wall-time',
    );
  });

  it('scopes fields to the resource', () => {
    expect(firstLine('job = x', 1, 'pool')).toContain('unknown field "job"');
    expect(firstLine('name = a and profile = p', 14, 'job')).toBe(
      '--where: unknown field "profile" at column 14; known fields: uuid, name, shortname, state, previous-state, pool, tags, created, modified, use-dependencies',
    );
    expect(compileWhere('pool = p1', 'job', now)).toEqual(eq('PoolUuid', 'p1'));
  });
});

describe('compileWhere: syntax errors', () => {
  it('points past the end when a value is missing', () => {
    const err = whereError('state = ');
    expect(err.column).toBe(9);
    expect(err.message).toBe('--where: expected a value after "=" at column 9\n  state = \n          ^');
  });

  it.each([
    ['', 1, '--where: expected a field name at column 1'],
    ['   ', 4, '--where: expected a field name at column 4'],
    ['and name = a', 1, '--where: expected a field name at column 1, found "and"'],
    ['= a', 1, '--where: expected a field name at column 1, found "="'],
    ["'name' = a", 1, `--where: expected a field name at column 1, found "'name'"`],
    ['state', 6, '--where: expected an operator (=, !=, <, <=, >, >=, like, in, not in, has) after "state" at column 6'],
    ['state foo', 7, '--where: expected an operator (=, !=, <, <=, >, >=, like, in, not in, has) after "state" at column 7, found "foo"'],
    ['state = )', 9, '--where: expected a value after "=" at column 9, found ")"'],
    ['state = and', 9, '--where: expected a value after "=" at column 9, found the keyword "and"; quote it to use it as a value'],
    ['name like', 10, '--where: expected a value after "like" at column 10'],
    ['tags has', 9, '--where: expected a value after "has" at column 9'],
    ['state in Success', 10, '--where: expected "(" after "in" at column 10, found "Success"'],
    ['state in ()', 11, '--where: expected a value in the list at column 11, found ")"'],
    ['state in (Success,)', 19, '--where: expected a value after "," at column 19, found ")"'],
    ['state in (Success Failure)', 19, '--where: expected "," or ")" in the list at column 19, found "Failure"'],
    ['state in (Success', 18, '--where: expected "," or ")" in the list at column 18'],
    ['state not Success', 11, '--where: expected "in" after "not" at column 11, found "Success"'],
    ['(state = Success', 17, '--where: expected ")" at column 17; the "(" at column 1 is still open'],
    ['(state = Success x', 18, '--where: expected ")" at column 18, found "x"; the "(" at column 1 is still open'],
    ['state = Success)', 16, '--where: unexpected ")" with no matching "(" at column 16'],
    ['state = Success name = a', 17, '--where: expected "and", "or" or the end of the expression at column 17, found "name"'],
    ['state = Success and', 20, '--where: expected a field name at column 20'],
    ['not', 4, '--where: expected a field name at column 4'],
    ["name = 'abc", 8, "--where: unterminated string: missing closing ' at column 8"],
    ['name = "abc\\"', 8, '--where: unterminated string: missing closing " at column 8'],
    ['name = a & b', 10, '--where: unexpected character "&" at column 10'],
    ['name ! a', 6, '--where: unexpected character "!" at column 6'],
  ])('%j fails at column %d', (expr, column, message) => {
    expect(firstLine(expr, column)).toBe(message);
  });

  it('rejects operators that do not fit the field', () => {
    expect(firstLine('tags like x*', 6)).toBe('--where: "like" does not apply to tags at column 6; use has, =, !=, in or not in');
    expect(firstLine('tags > x', 6)).toBe('--where: ">" does not apply to tags at column 6; use has, =, !=, in or not in');
    expect(firstLine('name has x', 6)).toBe('--where: "has" only applies to tags, not name at column 6; use "=" instead');
    expect(firstLine('state > Success', 7)).toBe('--where: ">" does not apply to state at column 7; use =, != or in');
    expect(firstLine('use-dependencies < true', 18, 'job')).toBe(
      '--where: "<" does not apply to use-dependencies at column 18; use =, != or in',
    );
    expect(firstLine('created like 2026*', 9)).toBe(
      '--where: "like" does not apply to created at column 9; it matches text fields only',
    );
  });

  it('keeps the caret aligned when the expression has tabs or newlines', () => {
    const err = whereError('name = a\nand\tcolour = x');
    expect(err.column).toBe(14);
    expect(err.message.split('\n').slice(1)).toEqual(['  name = a and colour = x', '               ^']);
  });
});

describe('uuid fields', () => {
  it('refuse a value that is neither a uuid nor a shortname, at the value', () => {
    expect(firstLine("pool = ''", 8)).toBe('--where: invalid pool "" at column 8; expected a uuid, the start of one, or a shortname');
    expect(firstLine("job in (j-1, 'a b')", 14)).toBe('--where: invalid job "a b" at column 14; expected a uuid, the start of one, or a shortname');
  });

  it('send an upper-case uuid in lower case', () => {
    expect(task('uuid = 7E68B49C-1A2B-4C3D-8E9F-0123456789AB')).toEqual(eq('Uuid', '7e68b49c-1a2b-4c3d-8e9f-0123456789ab'));
    expect(task("pool like '7E68*'")).toEqual({ field: 'PoolUuid', operator: 'Like', value: '7e68*' });
    expect(task("name like 'AB*'")).toEqual({ field: 'Name', operator: 'Like', value: 'AB*' });
  });
});

describe('backslashes in quoted values', () => {
  it('keep a backslash that escapes nothing, instead of dropping it', () => {
    expect(task(`name = 'C:\\data\\x'`)).toEqual(eq('Name', 'C:\\data\\x'));
    expect(task(`name like 'a\\*'`)).toEqual({ field: 'Name', operator: 'Like', value: 'a\\*' });
    expect(task(`name = 'say \\"hi\\"'`)).toEqual(eq('Name', 'say "hi"'));
  });
});

describe('bare words beyond the BMP', () => {
  it('take letters written as two UTF-16 units', () => {
    expect(task('tags has 𝒳𠀀 and name = x')).toEqual({ operator: 'And', filters: [eq('Tags', '𝒳𠀀'), eq('Name', 'x')] });
  });
});

describe('= on a date', () => {
  const day = (op: 'in' | 'out', start: string, end: string): Filter =>
    op === 'in'
      ? { operator: 'And', filters: [{ field: 'CreationDate', operator: 'GreaterThanOrEqual', value: start }, { field: 'CreationDate', operator: 'LessThan', value: end }] }
      : { operator: 'Or', filters: [{ field: 'CreationDate', operator: 'LessThan', value: start }, { field: 'CreationDate', operator: 'GreaterThanOrEqual', value: end }] };

  it('a day (or today, yesterday) means that whole UTC day', () => {
    expect(task('created = 2026-11-01')).toEqual(day('in', '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z'));
    expect(task('created = today')).toEqual(day('in', '2026-11-10T00:00:00Z', '2026-11-11T00:00:00Z'));
    expect(task('not created = yesterday')).toEqual(day('out', '2026-11-09T00:00:00Z', '2026-11-10T00:00:00Z'));
    expect(task('created != 2026-11-01')).toEqual(day('out', '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z'));
    expect(task('created in (2026-11-01, 2026-11-03)')).toEqual({
      operator: 'Or',
      filters: [day('in', '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z'), day('in', '2026-11-03T00:00:00Z', '2026-11-04T00:00:00Z')],
    });
  });

  it('an instant is compared as it is', () => {
    expect(task('created = 2026-11-01T10:00:00Z')).toEqual(eq('CreationDate', '2026-11-01T10:00:00Z'));
    expect(task('created > 2026-11-01')).toEqual({ field: 'CreationDate', operator: 'GreaterThan', value: '2026-11-01T00:00:00Z' });
  });
});
