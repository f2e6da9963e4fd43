/**
 * Instance ranges in the API's `advancedRanges` syntax: comma-separated
 * non-negative integers and inclusive `START-END` spans, e.g. `0-3,7`.
 */
import { UsageError } from '../errors.js';
import { quote } from './parse.js';

/** The API's ceiling on instances per task. */
export const MAX_RANGE_INSTANCES = 2048;
/** expandRange refuses to build arrays larger than this, whatever the input. */
const MAX_EXPAND = 1_000_000;

type Interval = [start: number, end: number];

const PART_RE = /^(\d+)(?:\s*-\s*(\d+))?$/;

function parseIntervals(flag: string, raw: string): Interval[] {
  const fail = (why: string): never => {
    throw new UsageError(`${flag} expects instance ranges like 0-3,7 (${why}), got ${quote(raw)}`);
  };
  if (raw.trim() === '') fail('it is empty');
  return raw.split(',').map((partRaw): Interval => {
    const part = partRaw.trim();
    const m = PART_RE.exec(part);
    if (!m) return fail(part === '' ? 'empty item' : `${quote(part)} is not N or N-M`);
    const start = Number(m[1]);
    const end = m[2] === undefined ? start : Number(m[2]);
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return fail(`${quote(part)} is too large`);
    if (start > end) return fail(`${quote(part)} ends before it starts`);
    return [start, end];
  });
}

/** Sort and merge overlapping or touching intervals (`0-3,4` becomes `0-4`). */
function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const merged: Interval[] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

function formatIntervals(intervals: readonly Interval[]): string {
  return intervals.map(([s, e]) => (s === e ? String(s) : `${s}-${e}`)).join(',');
}

function countIntervals(intervals: readonly Interval[]): number {
  return intervals.reduce((sum, [s, e]) => sum + (e - s + 1), 0);
}

/** Validate and normalise: `"7,0-3"` becomes `"0-3,7"`; at most 2048 instances. */
export function parseRange(flag: string, raw: string): string {
  const merged = mergeIntervals(parseIntervals(flag, raw));
  const count = countIntervals(merged);
  if (count > MAX_RANGE_INSTANCES) {
    throw new UsageError(`${flag} may cover at most ${MAX_RANGE_INSTANCES} instances, got ${count} in ${quote(raw)}`);
  }
  return formatIntervals(merged);
}

/** Every instance id in the range, ascending and without duplicates. */
export function expandRange(range: string): number[] {
  const merged = mergeIntervals(parseIntervals('range', range));
  if (countIntervals(merged) > MAX_EXPAND) throw new RangeError(`range ${quote(range)} is too large to expand`);
  const ids: number[] = [];
  for (const [s, e] of merged) for (let i = s; i <= e; i++) ids.push(i);
  return ids;
}

/** The shortest range string for a set of ids: `[3,0,1,2,7]` becomes `"0-3,7"`. */
export function compressRange(ids: readonly number[]): string {
  const bad = ids.find((id) => !Number.isSafeInteger(id) || id < 0);
  if (bad !== undefined) throw new RangeError(`instance ids must be non-negative integers, got ${bad}`);
  return formatIntervals(mergeIntervals(ids.map((id): Interval => [id, id])));
}

/** Number of distinct instances in the range. */
export function rangeCount(range: string): number {
  return countIntervals(mergeIntervals(parseIntervals('range', range)));
}
