import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { ApiError, InterruptedError, NetworkError } from '../../src/errors.js';
import { BufferTracker } from '../../src/commands/shared/buffer-tracker.js';
import { decorateLines, followOutput } from '../../src/commands/shared/follow.js';

describe('BufferTracker', () => {
  it('emits only what is new, complete lines only', () => {
    const t = new BufferTracker();
    expect(t.update('')).toBe('');
    expect(t.update('0> a\n0> b')).toBe('0> a\n');
    expect(t.update('0> a\n0> b')).toBe('');
    expect(t.update('0> a\n0> bc\n1> d\n')).toBe('0> bc\n1> d\n');
    expect(t.flush()).toBe('');
  });

  it('flushes the unterminated tail once, with a newline', () => {
    const t = new BufferTracker();
    t.update('x\nhalf');
    expect(t.flush()).toBe('half\n');
    expect(t.flush()).toBe('');
  });

  it('re-anchors after rotation without repeating or losing lines', () => {
    const t = new BufferTracker();
    expect(t.update('1\n2\n3\n4\n')).toBe('1\n2\n3\n4\n');
    // The server dropped the two oldest lines and appended two.
    expect(t.update('3\n4\n5\n6\n')).toBe('5\n6\n');
    expect(t.update('5\n6\n7\n')).toBe('7\n');
    expect(t.lost).toBe(false);
  });

  it('handles rotation with repeated lines (largest overlap wins)', () => {
    const t = new BufferTracker();
    t.update('a\na\nb\n');
    expect(t.update('a\nb\nc\n')).toBe('c\n');
  });

  it('re-anchors when the server cut the oldest line in the middle', () => {
    const t = new BufferTracker();
    t.update('first line\nsecond line\n');
    expect(t.update('ine\nsecond line\nthird\n')).toBe('third\n');
    expect(t.lost).toBe(false);
  });

  it('an emptied buffer prints nothing and is not a gap', () => {
    const t = new BufferTracker();
    t.update('a\n');
    expect(t.update('')).toBe('');
    expect(t.lost).toBe(false);
  });

  it('reports a gap when the buffer rotated past everything printed', () => {
    const t = new BufferTracker();
    t.update('1\n2\n');
    expect(t.update('9\n10\n')).toBe('9\n10\n');
    expect(t.lost).toBe(true);
  });

  it('keeps working once its remembered tail is trimmed', () => {
    const t = new BufferTracker(16);
    let full = '';
    for (let i = 0; i < 50; i++) {
      full += `line ${i}\n`;
      const buffer = full.slice(Math.max(0, full.length - 30));
      const aligned = buffer.slice(buffer.indexOf('\n') + 1);
      const got = t.update(i === 0 ? full : aligned);
      expect(got).toBe(`line ${i}\n`);
    }
  });
});

describe('decorateLines', () => {
  const at = new Date('2026-01-02T03:04:05.678Z');
  it('leaves lines alone without colour or timestamps', () => {
    expect(decorateLines('0> a\n1> b\n', { color: new Chalk({ level: 0 }), timestamps: false }, at)).toBe('0> a\n1> b\n');
  });
  it('prefixes each line with the receive time', () => {
    expect(decorateLines('0> a\nb\n', { color: new Chalk({ level: 0 }), timestamps: true }, at)).toBe(
      '2026-01-02T03:04:05.678Z 0> a\n2026-01-02T03:04:05.678Z b\n',
    );
  });
  it('colours the instance prefix, one colour per instance', () => {
    const out = decorateLines('0> a\n1> b\n', { color: new Chalk({ level: 1 }), timestamps: false }, at);
    expect(out).toContain('\u001b[36m0> \u001b[39ma\n');
    expect(out).toContain('\u001b[35m1> \u001b[39mb\n');
  });
});

function fakeClock() {
  let t = 0;
  return {
    now: () => t,
    sleep: async (ms: number) => {
      t += ms;
    },
  };
}

describe('followOutput', () => {
  it('prints every line once, drains after the final state, survives transient errors', async () => {
    const clock = fakeClock();
    const script = ['a\n', 'a\nb', 'ERR', 'a\nb\nc\n', 'RESET', 'a\nb\nc\nd\n', 'a\nb\nc\nd\ne'];
    let reads = 0;
    let finishedChecks = 0;
    const written: string[] = [];
    const warnings: string[] = [];
    await followOutput({
      sources: [
        {
          name: 'stdout',
          read: async () => {
            const step = script[Math.min(reads++, script.length - 1)]!;
            if (step === 'ERR') throw new ApiError('unavailable (HTTP 503)', 503, 'GET', '/x');
            if (step === 'RESET') throw new NetworkError('socket reset');
            return step;
          },
          write: (lines) => written.push(lines),
        },
      ],
      isFinished: async () => ++finishedChecks > 1 && reads >= script.length - 1,
      signal: new AbortController().signal,
      timing: { stateBusyMs: 0, stateIdleMs: 0, stateQuietMs: 0 },
      warn: (m) => warnings.push(m),
      ...clock,
    });
    expect(written.join('')).toBe('a\nb\nc\nd\ne\n');
    expect(warnings.length).toBeGreaterThan(0);
  });

  it('rethrows errors that are not transient', async () => {
    await expect(
      followOutput({
        sources: [{ name: 'stdout', read: async () => Promise.reject(new ApiError('not found', 404, 'GET', '/x')), write: () => {} }],
        isFinished: async () => false,
        signal: new AbortController().signal,
        ...fakeClock(),
      }),
    ).rejects.toThrow('not found');
  });

  it('stops with InterruptedError when the signal is aborted', async () => {
    const controller = new AbortController();
    const clock = fakeClock();
    await expect(
      followOutput({
        sources: [{ name: 'stdout', read: async () => 'x\n', write: () => controller.abort() }],
        isFinished: async () => false,
        signal: controller.signal,
        ...clock,
      }),
    ).rejects.toBeInstanceOf(InterruptedError);
  });

  for (const streams of [1, 2]) {
    it(`stays under one request per second over a long silence (${streams} stream(s))`, async () => {
      const clock = fakeClock();
      let requests = 0;
      await followOutput({
        sources: Array.from({ length: streams }, (_, i) => ({ name: `s${i}`, read: async () => (requests++, ''), write: () => {} })),
        isFinished: async () => (requests++, clock.now() > 120_000),
        signal: new AbortController().signal,
        ...clock,
      });
      const rate = requests / (clock.now() / 1000);
      expect(rate).toBeLessThan(1);
      // ...but not asleep: a line after a long silence still shows within ~2 s.
      expect(rate).toBeGreaterThan(0.5);
    });
  }

  it('polls fast while lines flow and at most every second during a short pause', async () => {
    const clock = fakeClock();
    const readTimes: number[] = [];
    let buffer = '';
    await followOutput({
      sources: [
        {
          name: 'stdout',
          read: async () => {
            readTimes.push(clock.now());
            // A line every 400 ms for 4 s, then a 3 s pause, then one more line.
            const t = clock.now();
            const lines = Math.min(10, Math.floor(t / 400)) + (t >= 7000 ? 1 : 0);
            buffer = Array.from({ length: lines }, (_, i) => `l${i}\n`).join('');
            return buffer;
          },
          write: () => {},
        },
      ],
      isFinished: async () => clock.now() > 9000,
      signal: new AbortController().signal,
      ...clock,
    });
    const gaps = readTimes.slice(1).map((t, i) => t - readTimes[i]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(1000);
    expect(gaps.filter((g) => g <= 250).length).toBeGreaterThan(5);
  });
});
