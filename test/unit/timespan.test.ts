import { describe, expect, it } from 'vitest';
import { formatDurationShort, formatRelative, msToTimeSpan, timeSpanToMs } from '../../src/lib/timespan.js';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('msToTimeSpan', () => {
  it.each([
    [0, '00:00:00'],
    [28 * M + 4 * S, '00:28:04'],
    [D + 3 * H + 16 * M + 50.5 * S, '1.03:16:50.5000000'],
    [12 * D, '12.00:00:00'],
    [1, '00:00:00.0010000'],
    [-90 * S, '-00:01:30'],
  ])('%d ms -> %s', (ms, text) => {
    expect(msToTimeSpan(ms)).toBe(text);
  });

  it('rejects non-finite input', () => {
    expect(() => msToTimeSpan(NaN)).toThrow(RangeError);
  });
});

describe('timeSpanToMs', () => {
  it.each([
    ['00:28:04', 28 * M + 4 * S],
    ['1.03:16:50.5000000', D + 3 * H + 16 * M + 50.5 * S],
    ['00:00:00.5', 500],
    ['0:5:7', 5 * M + 7 * S],
    ['-00:01:30', -90 * S],
    [' 01:00:00 ', H],
  ])('%s -> %d ms', (text, ms) => {
    expect(timeSpanToMs(text)).toBe(ms);
  });

  it.each(['', 'abc', '1:2', '00:60:00', '24:00:00', '00:00:60', '1.2.3:00:00', '00:00:00.12345678', '1h'])(
    'returns NaN for %j',
    (text) => {
      expect(timeSpanToMs(text)).toBeNaN();
    },
  );

  it('round-trips with msToTimeSpan', () => {
    for (const ms of [0, 999, 61_000, 3 * D + 7 * H + 5 * S + 250]) expect(timeSpanToMs(msToTimeSpan(ms))).toBe(ms);
  });
});

describe('formatDurationShort', () => {
  it.each([
    [0, '0s'],
    [500, '500ms'],
    [45 * S, '45s'],
    [5 * M + 3 * S, '5m03s'],
    [H + 2 * M + 59 * S, '1h02m'],
    [3 * D + 4 * H + 59 * M, '3d4h'],
    [-45 * S, '-45s'],
    [NaN, '-'],
  ])('%d ms -> %s', (ms, text) => {
    expect(formatDurationShort(ms)).toBe(text);
  });
});

describe('formatRelative', () => {
  const now = new Date('2026-11-10T12:00:00Z');
  const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);

  it.each([
    [0, 'just now'],
    [-9 * S, 'just now'],
    [-45 * S, '45s ago'],
    [-3 * M - 20 * S, '3m ago'],
    [2 * H + 5 * M, 'in 2h'],
    [-3 * D, '3d ago'],
    [-800 * D, '2y ago'],
  ])('%d ms from now -> %s', (offset, text) => {
    expect(formatRelative(at(offset), now)).toBe(text);
  });

  it('renders an invalid date as "-"', () => {
    expect(formatRelative(new Date('nope'), now)).toBe('-');
  });
});
