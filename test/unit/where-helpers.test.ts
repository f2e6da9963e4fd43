import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import {
  andFilters,
  compileWhere,
  knownFields,
  mapSelectFields,
  orFilters,
  selectorFilter,
  type Filter,
} from '../../src/search/index.js';

const eq = (field: string, value: string): Filter => ({ field, operator: 'Equal', value });

describe('andFilters / orFilters', () => {
  const a = eq('Name', 'a');
  const b = eq('Name', 'b');
  const c = eq('Name', 'c');

  it('returns undefined for nothing and a bare filter for one', () => {
    expect(andFilters([])).toBeUndefined();
    expect(andFilters([undefined, undefined])).toBeUndefined();
    expect(andFilters([a])).toBe(a);
    expect(andFilters([undefined, a])).toBe(a);
  });

  it('flattens nested And nodes but keeps Or nodes intact', () => {
    const or: Filter = { operator: 'Or', filters: [b, c] };
    expect(andFilters([{ operator: 'And', filters: [a, b] }, c])).toEqual({ operator: 'And', filters: [a, b, c] });
    expect(andFilters([a, or])).toEqual({ operator: 'And', filters: [a, or] });
    expect(orFilters([a, or])).toEqual({ operator: 'Or', filters: [a, b, c] });
  });

  it('combines a compiled --where with other filters', () => {
    const now = new Date('2026-11-10T12:00:00Z');
    const where = compileWhere('state = Success and name = a', 'task', now);
    expect(andFilters([where, eq('Tags', 't')])).toEqual({
      operator: 'And',
      filters: [eq('State', 'Success'), a, eq('Tags', 't')],
    });
  });

  it('does not mutate its inputs', () => {
    const node: Filter = { operator: 'And', filters: [a] };
    andFilters([node, b]);
    expect(node).toEqual({ operator: 'And', filters: [a] });
  });
});

describe('selectorFilter', () => {
  it('returns undefined when no selector is set', () => {
    expect(selectorFilter('task', {})).toBeUndefined();
    expect(selectorFilter('task', { tags: [], states: [] })).toBeUndefined();
  });

  it('ORs --tag (any of) and ANDs --tags-all (all of)', () => {
    expect(selectorFilter('task', { tags: ['a'] })).toEqual(eq('Tags', 'a'));
    expect(selectorFilter('task', { tags: ['a', 'b'] })).toEqual({
      operator: 'Or',
      filters: [eq('Tags', 'a'), eq('Tags', 'b')],
    });
    expect(selectorFilter('task', { tagsAll: ['a', 'b'] })).toEqual({
      operator: 'And',
      filters: [eq('Tags', 'a'), eq('Tags', 'b')],
    });
  });

  it('validates states and emits canonical spellings', () => {
    expect(selectorFilter('task', { states: ['success'] })).toEqual(eq('State', 'Success'));
    expect(selectorFilter('pool', { states: ['closed', 'CLOSING', 'Closed'] })).toEqual({
      field: 'State',
      operator: 'In',
      values: ['Closed', 'Closing'],
    });
    expect(() => selectorFilter('job', { states: ['Success'] })).toThrow(
      new UsageError('--state must be one of Active, Terminating, Completed, Deleting, got "Success"'),
    );
  });

  it('filters by name, name pattern and creation window', () => {
    expect(
      selectorFilter('task', {
        name: 'exact',
        nameLike: 'render-*',
        createdAfter: new Date('2026-11-01T00:00:00Z'),
        createdBefore: new Date('2026-11-02T12:30:00.250Z'),
      }),
    ).toEqual({
      operator: 'And',
      filters: [
        eq('Name', 'exact'),
        { field: 'Name', operator: 'Like', value: 'render-*' },
        { field: 'CreationDate', operator: 'GreaterThan', value: '2026-11-01T00:00:00Z' },
        { field: 'CreationDate', operator: 'LessThan', value: '2026-11-02T12:30:00.250Z' },
      ],
    });
  });

  it('ANDs everything into one flat node', () => {
    expect(selectorFilter('task', { tags: ['a', 'b'], tagsAll: ['c', 'd'], states: ['Failure'] })).toEqual({
      operator: 'And',
      filters: [
        { operator: 'Or', filters: [eq('Tags', 'a'), eq('Tags', 'b')] },
        eq('Tags', 'c'),
        eq('Tags', 'd'),
        eq('State', 'Failure'),
      ],
    });
  });
});

describe('knownFields', () => {
  it('lists the friendly names per resource', () => {
    expect(knownFields('task')).toEqual([
      'uuid', 'name', 'shortname', 'profile', 'state', 'previous-state', 'tags', 'created', 'ended', 'modified',
      'pool', 'job', 'instances', 'running-instances', 'execution-time', 'wall-time',
    ]);
    expect(knownFields('pool')).not.toContain('pool');
    expect(knownFields('pool')).not.toContain('job');
    expect(knownFields('pool')).toContain('execution-time');
    expect(knownFields('job')).toEqual([
      'uuid', 'name', 'shortname', 'state', 'previous-state', 'pool', 'tags', 'created', 'modified', 'use-dependencies',
    ]);
  });
});

describe('mapSelectFields', () => {
  it('maps friendly names and aliases to API names', () => {
    expect(mapSelectFields('task', ['name', 'state'])).toEqual(['Name', 'State']);
    expect(mapSelectFields('task', ['id', 'created', 'running-instances', 'pool'])).toEqual([
      'Uuid',
      'CreationDate',
      'RunningInstanceCount',
      'PoolUuid',
    ]);
    expect(mapSelectFields('job', ['use-dependencies'])).toEqual(['UseDependencies']);
  });

  it('maps select-only friendly names', () => {
    expect(mapSelectFields('task', ['running-cores', 'results-count'])).toEqual(['RunningCoreCount', 'ResultsCount']);
  });

  it('PascalCases anything shaped like an API path', () => {
    expect(mapSelectFields('task', ['status.executionProgress', 'labels', 'Errors'])).toEqual([
      'Status.ExecutionProgress',
      'Labels',
      'Errors',
    ]);
    expect(mapSelectFields('pool', ['elasticProperty.minTotalSlots'])).toEqual(['ElasticProperty.MinTotalSlots']);
  });

  it('accepts API names in any case and drops duplicates', () => {
    expect(mapSelectFields('task', ['creationdate', 'CreationDate', 'created', ' name '])).toEqual([
      'CreationDate',
      'Name',
    ]);
  });

  it('rejects names that are neither friendly nor API paths', () => {
    expect(() => mapSelectFields('job', ['colour-code'])).toThrow(
      new UsageError(
        '--select: unknown field "colour-code" for jobs; use uuid, name, shortname, state, previous-state, pool, tags, created, modified, use-dependencies or an API path like status.executionProgress',
      ),
    );
    expect(() => mapSelectFields('task', ['a..b'])).toThrow(UsageError);
  });
});
