import { CommanderError } from 'commander';
import { buildProgram } from './program.js';
import { CliError, ExitCode } from './errors.js';
import { installSignalHandlers, interruptedExitCode, wasInterrupted } from './lib/interrupt.js';
import { writeFd } from './output/stdio.js';
import { redactSecrets } from './lib/secrets.js';
import { visibleControls } from './output/controls.js';

/**
 * Runs the CLI and maps every outcome to an exit code. This is the only place
 * that decides the process's exit status.
 */
export async function main(argv: string[]): Promise<void> {
  installSignalHandlers();
  const program = await buildProgram({}, argv.slice(2));
  try {
    await program.parseAsync(argv);
  } catch (error) {
    process.exitCode = reportError(error, argv.includes('--verbose'));
  }
}

/** writeFd, the default, scrubs secrets (output/stdio.ts); tests pass their own writer. */
export function reportError(error: unknown, verbose: boolean, write: (text: string) => void = (text) => writeFd(2, text)): number {
  if (error instanceof CommanderError) {
    // Commander already printed its message (or the help / version).
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
      return ExitCode.Ok;
    }
    return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
  }
  if (wasInterrupted()) return interruptedExitCode();
  if (error instanceof CliError) {
    // Messages quote the API's and the user's words: never terminal escapes.
    if (error.message) write(`${visibleControls(redactSecrets(formatMessage(error.message)))}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  write(`${visibleControls(redactSecrets(formatMessage(`unexpected error: ${message}`)))}\n`);
  if (verbose && error instanceof Error && error.stack) write(`${redactSecrets(error.stack)}\n`);
  return ExitCode.Failure;
}

function formatMessage(message: string): string {
  return message.startsWith('error:') ? message : `error: ${message}`;
}
