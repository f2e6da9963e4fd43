import { PassThrough } from 'node:stream';
import { Chalk } from 'chalk';
import type { IO } from '../../src/output/io.js';

/** In-memory IO for unit tests: what was written to stdout and stderr. */
export function testIO({ tty = false } = {}): IO & { stdin: PassThrough; stdoutText(): string; stderrText(): string } {
  let out = '';
  let err = '';
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  // What is written to the streams themselves (prompts, spinners) counts too.
  stdout.on('data', (chunk: Buffer) => void (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => void (err += chunk.toString()));
  return {
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
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    stdoutText: () => out,
    stderrText: () => err,
  };
}
