import { isatty } from 'node:tty';
import type { Readable, Writable } from 'node:stream';
import type { ChalkInstance } from 'chalk';
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
  /** Width tables fit: COLUMNS when set, else the terminal's; undefined when piped (no limit). */
  readonly columns: number | undefined;
  /** Colours for text written to stdout / stderr (level 0 when colour is off). */
  readonly color: ChalkInstance;
  readonly colorErr: ChalkInstance;
  /** A person can answer a prompt: stdin and stderr are terminals. */
  canPrompt(): boolean;
  out(text: string): void;
  err(text: string): void;
  /**
   * Resolves once stdout has room again: a long listing waits for a slow reader (`| less`, a
   * busy pipe) instead of buffering its output in memory.
   */
  drained(): Promise<void>;
}

export interface ColorEnv {
  env: NodeJS.ProcessEnv;
  /** false when --no-color was given. */
  colorFlag: boolean;
}

/** clig.dev's rule: FORCE_COLOR wins; NO_COLOR, --no-color, TERM=dumb or no TTY turn colour off. */
export function colorLevel(isTTY: boolean, { env, colorFlag }: ColorEnv): 0 | 1 | 2 | 3 {
  // The flag beats the environment (a FORCE_COLOR a CI sets for every program).
  if (!colorFlag) return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') {
    const n = Number(force);
    return n === 2 || n === 3 ? n : 1;
  }
  if (force === '0' || force === 'false') return 0;
  if ((env.NO_COLOR ?? '') !== '' || env.TERM === 'dumb' || !isTTY) return 0;
  const term = env.COLORTERM ?? '';
  if (term === 'truecolor' || term === '24bit') return 3;
  return (env.TERM ?? '').includes('256') ? 2 : 1;
}

/**
 * The process's terminal. chalk is loaded only when some stream gets colour: a piped
 * command (scripts, CI) does not pay for it at start-up.
 */
export async function openSystemIO(colorEnv: ColorEnv): Promise<IO> {
  const { stdout, stderr } = guardedStdio();
  const levels = [colorLevel(stdout.isTTY === true, colorEnv), colorLevel(stderr.isTTY === true, colorEnv)] as const;
  const chalk = levels.some((l) => l > 0) ? (await import('chalk')).Chalk : null;
  return systemIO(colorEnv, chalk);
}

/** As openSystemIO, with chalk's constructor given (or null: no colour at all). */
export function systemIO(colorEnv: ColorEnv, chalk: (new (options: { level: 0 | 1 | 2 | 3 }) => ChalkInstance) | null): IO {
  const { stdout, stderr } = guardedStdio();
  const stdoutIsTTY = stdout.isTTY === true;
  const stderrIsTTY = stderr.isTTY === true;
  // process.stdin is built on first access (a stream, and a socket when piped): only for commands that read it.
  const stdinIsTTY = isatty(0);
  const painter = (isTTY: boolean) => {
    const level = colorLevel(isTTY, colorEnv);
    return chalk && level > 0 ? new chalk({ level }) : PLAIN;
  };
  return {
    get stdin() {
      return process.stdin;
    },
    stdout,
    stderr,
    stdinIsTTY,
    stdoutIsTTY,
    stderrIsTTY,
    columns: tableWidth(colorEnv.env.COLUMNS, stdoutIsTTY ? stdout.columns : undefined),
    color: painter(stdoutIsTTY),
    colorErr: painter(stderrIsTTY),
    canPrompt: () => stdinIsTTY && stderrIsTTY,
    out: (text) => void stdout.write(text),
    err: (text) => void stderr.write(text),
    drained: () => (stdout.writableNeedDrain ? new Promise((resolve) => stdout.once('drain', resolve)) : Promise.resolve()),
  };
}

/**
 * COLUMNS (as ls and git read it) wins, so that `--format table` in a pipe or a test has a width.
 * A terminal that reports 0 columns (some ptys: script, serial consoles) has no known width, not none.
 */
export function tableWidth(columnsEnv: string | undefined, terminal: number | undefined): number | undefined {
  const n = Number(columnsEnv);
  if (columnsEnv !== undefined && Number.isInteger(n) && n > 0) return n;
  // A terminal of width 0 does not know its width (a serial console, a pty not sized yet):
  // fitting to 0 would cut every column but the uuid.
  return terminal !== undefined && terminal > 0 ? terminal : undefined;
}

/** chalk's chainable API at level 0 (every style returns its text unchanged), without chalk. */
const PLAIN: ChalkInstance = (() => {
  const plain: ChalkInstance = new Proxy((...texts: unknown[]) => texts.join(' '), {
    get: (_target, key) => (key === 'level' ? 0 : plain),
  }) as unknown as ChalkInstance;
  return plain;
})();
