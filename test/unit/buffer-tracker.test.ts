import { describe, expect, it } from 'vitest';
import { BufferTracker, matchLengths } from '../../src/commands/shared/buffer-tracker.js';

/** A server's rotating buffer: the newest whole lines of what was written, at most `cap` characters. */
function window(lines: string[], upTo: number, cap: number): string {
  let size = 0;
  let from = upTo;
  while (from > 0 && size + lines[from - 1]!.length <= cap) size += lines[--from]!.length;
  return lines.slice(from, upTo).join('');
}

/** Follows `lines` written in steps of `step` lines, reading the buffer after each step. */
function follow(lines: string[], step: number, cap: number, tracker = new BufferTracker()) {
  let out = '';
  for (let upTo = step; ; upTo += step) {
    out += tracker.update(window(lines, Math.min(upTo, lines.length), cap));
    if (upTo >= lines.length) break;
  }
  out += tracker.flush();
  return { out, tracker };
}

const repeat = (text: string, n: number) => Array.from({ length: n }, () => text);
const numbered = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `0> line ${from + i}\n`);

describe('BufferTracker: exactly once, or a loss said', () => {
  it('prints every line once through many rotations (unique lines)', () => {
    const lines = numbered(40_000);
    const { out, tracker } = follow(lines, 3000, 100_000);
    expect(out).toBe(lines.join(''));
    expect(tracker.lost || tracker.maybeLost).toBe(false);
  });

  it('never loses repeated lines silently (yes x | head -n 400000, 1 MiB buffer)', () => {
    const lines = repeat('0> x\n', 400_000);
    const { out, tracker } = follow(lines, 50_000, 1024 * 1024);
    const printed = out.split('\n').length - 1;
    expect(printed).toBeLessThanOrEqual(lines.length);
    if (printed < lines.length) expect(tracker.lost || tracker.maybeLost).toBe(true);
  });

  it('repeats around unique lines: yes abc; seq 1 100; yes abc; echo END', () => {
    const lines = [...repeat('0> abc\n', 150_000), ...numbered(100), ...repeat('0> abc\n', 150_000), '0> END\n'];
    const { out, tracker } = follow(lines, 40_000, 1024 * 1024);
    const printed = out.split('\n').length - 1;
    expect(printed).toBeLessThanOrEqual(lines.length);
    expect(out.endsWith('0> END\n')).toBe(true);
    // The numbered lines are each printed once, in order.
    expect(out.match(/line \d+/g)).toEqual(numbered(100).map((l) => l.slice(3, -1)));
    if (printed < lines.length) expect(tracker.lost || tracker.maybeLost).toBe(true);
  });

  it('short repeated output that never fills the buffer is printed whole, without a warning', () => {
    const lines = repeat('0> waiting\n', 300);
    const { out, tracker } = follow(lines, 7, 1024 * 1024);
    expect(out).toBe(lines.join(''));
    expect(tracker.lost || tracker.maybeLost).toBe(false);
  });

  it('a buffer that is a prefix of what was printed (a restart from older state) prints nothing, says nothing', () => {
    const t = new BufferTracker();
    const lines = numbered(500);
    expect(t.update(lines.join(''))).toBe(lines.join(''));
    expect(t.update(lines.slice(0, 469).join(''))).toBe('');
    expect(t.update(lines.slice(0, 30).join(''))).toBe('');
    // ...and once the restarted server catches up, only the lines beyond are new.
    expect(t.update([...lines, ...numbered(3, 501)].join(''))).toBe(numbered(3, 501).join(''));
    expect(t.lost || t.maybeLost).toBe(false);
  });

  it('a restart from an older rotated state prints nothing and says nothing', () => {
    const lines = numbered(20_000);
    const t = new BufferTracker();
    const cap = 100_000;
    t.update(window(lines, 10_000, cap));
    t.update(window(lines, 15_000, cap));
    expect(t.update(window(lines, 12_000, cap))).toBe('');
    expect(t.update(window(lines, 16_000, cap))).toBe(lines.slice(15_000, 16_000).join(''));
    expect(t.lost || t.maybeLost).toBe(false);
  });

  it('says lines were lost when more was written between two reads than the buffer holds', () => {
    const lines = numbered(10_000);
    const { out, tracker } = follow(lines, 5000, 20_000);
    expect(out.length).toBeLessThan(lines.join('').length);
    expect(tracker.lost).toBe(true);
  });
});

describe('matchLengths', () => {
  it('gives the common prefix length at every position', () => {
    expect([...matchLengths('abab', 'ab')]).toEqual([2, 0, 2, 0]);
    expect([...matchLengths('aaaa', 'aa')]).toEqual([2, 2, 2, 1]);
    expect([...matchLengths('xyz', '')]).toEqual([0, 0, 0]);
  });
});

describe('BufferTracker: a server that drops whole chunks of lines', () => {
  it('a full buffer of repeated lines that shrank by a chunk may have rotated: said', () => {
    const t = new BufferTracker();
    t.update('0> x\n'.repeat(30_000));
    // 2,000 lines dropped in one chunk, 1,000 appended: smaller than before, yet rotated.
    expect(t.update('0> x\n'.repeat(29_000))).toBe('');
    expect(t.maybeLost).toBe(true);
  });
});
