import { PassThrough } from 'node:stream';
import { Chalk } from 'chalk';
import { redactSecrets } from '../../src/lib/secrets.js';
import type { IO } from '../../src/output/io.js';

/** In-memory IO for tests: what was written to stdout and stderr, redacted as the process's streams are (output/stdio.ts). */
export function testIO({ tty = false } = {}): IO & { stdin: PassThrough; stdoutText(): string; stderrText(): string } {
  let out = '';
  let err = '';
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  // What is written to the streams themselves (prompts, spinners) counts too.
  stdout.on('data', (chunk: Buffer) => void (out += redactSecrets(chunk.toString())));
  stderr.on('data', (chunk: Buffer) => void (err += redactSecrets(chunk.toString())));
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
    out: (t) => void (out += redactSecrets(t)),
    err: (t) => void (err += redactSecrets(t)),
    drained: () => Promise.resolve(),
    stdoutText: () => out,
    stderrText: () => err,
  };
}
