import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { compressRange, expandRange, parseRange, rangeCount } from '../../src/lib/ranges.js';

describe('parseRange', () => {
  it.each([
    ['0-3,7', '0-3,7'],
    ['7,0-3', '0-3,7'],
    ['0-3,2-5', '0-5'],
    ['0-3,4', '0-4'],
    ['5,5,5', '5'],
    [' 1 - 2 , 9 ', '1-2,9'],
    ['0-2047', '0-2047'],
    ['3-3', '3'],
  ])('%j -> %j', (raw, normalised) => {
    expect(parseRange('--range', raw)).toBe(normalised);
  });

  it.each([
    ['', '--range expects instance ranges like 0-3,7 (it is empty), got ""'],
    ['1,,2', '--range expects instance ranges like 0-3,7 (empty item), got "1,,2"'],
    ['a-b', '--range expects instance ranges like 0-3,7 ("a-b" is not N or N-M), got "a-b"'],
    ['-1', '--range expects instance ranges like 0-3,7 ("-1" is not N or N-M), got "-1"'],
    ['1.5', '--range expects instance ranges like 0-3,7 ("1.5" is not N or N-M), got "1.5"'],
    ['5-2', '--range expects instance ranges like 0-3,7 ("5-2" ends before it starts), got "5-2"'],
    ['0-2048', '--range may cover at most 2048 instances, got 2049 in "0-2048"'],
    ['0-1000,2000-3100', '--range may cover at most 2048 instances, got 2102 in "0-1000,2000-3100"'],
  ])('rejects %j', (raw, message) => {
    expect(() => parseRange('--range', raw)).toThrow(new UsageError(message));
  });

  it('counts merged instances, so overlaps do not inflate the total', () => {
    expect(parseRange('--range', '0-2047,0-2047')).toBe('0-2047');
  });
});

describe('expandRange', () => {
  it('lists ids ascending without duplicates', () => {
    expect(expandRange('7,0-3,2')).toEqual([0, 1, 2, 3, 7]);
  });

  it('rejects garbage and absurd sizes', () => {
    expect(() => expandRange('x')).toThrow(UsageError);
    expect(() => expandRange('0-99999999')).toThrow(RangeError);
  });
});

describe('compressRange', () => {
  it.each([
    [[], ''],
    [[3], '3'],
    [[3, 0, 1, 2, 7], '0-3,7'],
    [[1, 2, 4, 5, 5, 9], '1-2,4-5,9'],
  ])('%j -> %j', (ids, range) => {
    expect(compressRange(ids)).toBe(range);
  });

  it('rejects negative or fractional ids', () => {
    expect(() => compressRange([-1])).toThrow(RangeError);
    expect(() => compressRange([1.5])).toThrow(RangeError);
  });

  it('inverts expandRange', () => {
    expect(compressRange(expandRange('0-3,7,10-12'))).toBe('0-3,7,10-12');
  });
});

describe('rangeCount', () => {
  it.each([
    ['0-3,7', 5],
    ['0-3,2-5', 6],
    ['42', 1],
  ])('%j has %d instances', (range, count) => {
    expect(rangeCount(range)).toBe(count);
  });
});
