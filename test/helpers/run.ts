import { useContextFactory } from '../../src/commands/define.js';
import { createContext } from '../../src/context.js';
import { reportError } from '../../src/main.js';
import { buildProgram } from '../../src/program.js';
import { tempConfigDir, type CliOptions, type CliResult } from './cli.js';
import { testIO, type TestIO } from './io.js';

export interface RunOptions extends CliOptions {
  /** Stdin, stdout and stderr are terminals: prompts are asked (answer with `input`). */
  tty?: boolean;
  /** The streams to use, to look at what was written while the command runs, or in which order. */
  io?: TestIO;
}

/**
 * Runs a command line in this process, as `cli()` runs the built binary: same options,
 * same result (the final newline of each stream stripped, as execa does), but the verb's
 * Context gets in-memory streams and the given environment, and its HTTP client talks to
 * the emulator. Milliseconds instead of a Node start-up per run; keep `cli()` for what
 * only a process shows (signals, exit on EPIPE, start-up, the bundle).
 */
export async function run(args: string[], options: RunOptions = {}): Promise<CliResult> {
  const io = options.io ?? testIO({ tty: options.tty === true });
  if (options.input !== undefined) io.stdin.end(options.input);
  let commanderOut = '';
  let commanderErr = '';
  const configDir = options.configDir ?? tempConfigDir();
  const env: NodeJS.ProcessEnv = {
    HOME: configDir,
    QARNOT_CONFIG_DIR: configDir,
    ...(options.emulator ? { QARNOT_CLUSTER_URL: options.emulator.url, QARNOT_CLIENT_TOKEN: options.emulator.token } : {}),
    ...options.env,
  };
  const program = await buildProgram({ writeOut: (text) => void (commanderOut += text), writeErr: (text) => void (commanderErr += text) }, args);
  useContextFactory(program, (command, globals, signal, settings) => createContext(command, globals, signal, { ...settings, io, env }));
  let exitCode = 0;
  try {
    await program.parseAsync(['node', 'qarnot', ...args]);
  } catch (error) {
    exitCode = reportError(error, args.includes('--verbose'), (text) => io.err(text));
  }
  const strip = (text: string) => text.replace(/\n$/, '');
  const result = { stdout: strip(commanderOut + io.stdoutText()), stderr: strip(commanderErr + io.stderrText()), exitCode };
  // As cli() does: the token must never be printed.
  for (const secret of [options.emulator?.token, env.QARNOT_CLIENT_TOKEN]) {
    if (secret && (result.stdout.includes(secret) || result.stderr.includes(secret))) throw new Error(`the token was printed by "qarnot ${args.join(' ')}"`);
  }
  return result;
}

/** Runs and expects exit 0; returns stdout. */
export async function runOk(args: string[], options: RunOptions = {}): Promise<string> {
  const result = await run(args, options);
  if (result.exitCode !== 0) throw new Error(`qarnot ${args.join(' ')} exited ${result.exitCode}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
  return result.stdout;
}
