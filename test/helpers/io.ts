import { clearLine, cursorTo, moveCursor } from 'node:readline';
import { PassThrough } from 'node:stream';
import { Chalk } from 'chalk';
import { redactSecrets } from '../../src/lib/secrets.js';
import type { IO } from '../../src/output/io.js';

export type TestIO = IO & {
  stdin: PassThrough;
  stdoutText(): string;
  stderrText(): string;
  /** Every write to either stream, in order: what a terminal showing both would have received. */
  transcript: { stream: 'stdout' | 'stderr'; text: string }[];
};

/**
 * In-memory IO for tests: what was written to stdout and stderr, redacted as the process's
 * streams are (output/stdio.ts). With `tty`, stderr is a 100-column terminal that takes
 * cursor moves (as spinners use them) as the escape sequences a terminal would receive.
 */
export function testIO({ tty = false } = {}): TestIO {
  let out = '';
  let err = '';
  const transcript: TestIO['transcript'] = [];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  if (tty) fakeTerminal(stderr);
  const record = (stream: 'stdout' | 'stderr', text: string) => {
    transcript.push({ stream, text });
    if (stream === 'stdout') out += text;
    else err += text;
  };
  // What is written to the streams themselves (prompts, spinners) counts too, recorded as
  // it is written (a 'data' listener would see it a tick later, out of order with out()).
  for (const [name, stream] of [['stdout', stdout], ['stderr', stderr]] as const) {
    const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      record(name, redactSecrets(String(chunk)));
      return write(chunk, ...rest);
    }) as typeof stream.write;
    stream.resume();
  }
  return {
    transcript,
    stdin: new PassThrough(),
    stdout,
    stderr,
    stdinIsTTY: tty,
    stdoutIsTTY: tty,
    stderrIsTTY: tty,
    columns: tty ? 100 : undefined,
    color: new Chalk({ level: 0 }),
    colorErr: new Chalk({ level: 0 }),
    canPrompt: () => tty,
    out: (t) => record('stdout', redactSecrets(t)),
    err: (t) => record('stderr', redactSecrets(t)),
    drained: () => Promise.resolve(),
    stdoutText: () => out,
    stderrText: () => err,
  };
}

/** What node:tty's WriteStream adds that spinners use, written as its escape sequences. */
function fakeTerminal(stream: PassThrough): void {
  Object.assign(stream, {
    isTTY: true,
    columns: 100,
    rows: 40,
    cursorTo: (x: number, callback?: () => void) => cursorTo(stream, x, undefined, callback),
    moveCursor: (dx: number, dy: number, callback?: () => void) => moveCursor(stream, dx, dy, callback),
    clearLine: (dir: -1 | 0 | 1, callback?: () => void) => clearLine(stream, dir, callback),
  });
}
