import type { Readable, Writable } from 'node:stream';
import { Chalk, type ChalkInstance } from 'chalk';
import { guardedStdio } from './stdio.js';

/**
 * Terminal state in one place (gh's IOStreams): which streams are TTYs and
 * whether colour is on. Commands never look at process.stdout themselves.
 */
export interface IO {
  readonly stdin: Readable & { isTTY?: boolean };
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly stdinIsTTY: boolean;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  /** Terminal width for tables; undefined when stdout is not a terminal. */
  readonly columns: number | undefined;
  /** Colours for text written to stdout / stderr (level 0 when colour is off). */
  readonly color: ChalkInstance;
  readonly colorErr: ChalkInstance;
  /** A person can answer a prompt: stdin and stderr are terminals. */
  canPrompt(): boolean;
  out(text: string): void;
  err(text: string): void;
}

export interface ColorEnv {
  env: NodeJS.ProcessEnv;
  /** false when --no-color was given. */
  colorFlag: boolean;
}

/** clig.dev's rule: FORCE_COLOR wins; NO_COLOR, --no-color, TERM=dumb or no TTY turn colour off. */
export function colorLevel(isTTY: boolean, { env, colorFlag }: ColorEnv): 0 | 1 | 2 | 3 {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') {
    const n = Number(force);
    return n === 2 || n === 3 ? n : 1;
  }
  if (force === '0' || force === 'false') return 0;
  if ((env.NO_COLOR ?? '') !== '' || !colorFlag || env.TERM === 'dumb' || !isTTY) return 0;
  const term = env.COLORTERM ?? '';
  if (term === 'truecolor' || term === '24bit') return 3;
  return (env.TERM ?? '').includes('256') ? 2 : 1;
}

export function systemIO(colorEnv: ColorEnv): IO {
  const { stdout, stderr } = guardedStdio();
  const stdoutIsTTY = stdout.isTTY === true;
  const stderrIsTTY = stderr.isTTY === true;
  const stdinIsTTY = process.stdin.isTTY === true;
  return {
    stdin: process.stdin,
    stdout,
    stderr,
    stdinIsTTY,
    stdoutIsTTY,
    stderrIsTTY,
    columns: stdoutIsTTY ? stdout.columns : undefined,
    color: new Chalk({ level: colorLevel(stdoutIsTTY, colorEnv) }),
    colorErr: new Chalk({ level: colorLevel(stderrIsTTY, colorEnv) }),
    canPrompt: () => stdinIsTTY && stderrIsTTY,
    out: (text) => void stdout.write(text),
    err: (text) => void stderr.write(text),
  };
}
