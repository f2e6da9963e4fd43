import { fstatSync, writeSync } from 'node:fs';
import { redactSecrets } from '../lib/secrets.js';

// process.stdout and process.stderr are built on first use, and building them
// loads Node's stream and socket modules: a visible share of a help screen's
// start-up. Help and usage errors are written straight to the descriptors;
// commands get the streams, with EPIPE handled, from guardedStdio().

/** Writes to fd 1 or 2 synchronously; a reader that went away (`| head`) ends the process quietly. */
export function writeFd(fd: 1 | 2, text: string): void {
  const bytes = Buffer.from(redactSecrets(text));
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue;
      if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    }
  }
}

/** Width for commander's help, without building process.stdout when it is not a terminal. */
export function helpWidth(fd: 1 | 2): number {
  // A terminal is a character device; asking node:tty would load the socket modules.
  if (!fstatSync(fd).isCharacterDevice()) return 80;
  // 0: a terminal that does not know its width (help one word a line otherwise).
  return (fd === 1 ? process.stdout : process.stderr).columns || 80;
}

let guarded = false;

/**
 * process.stdout and process.stderr, with `| head` (EPIPE) ending the process quietly, and
 * every text written through them scrubbed of secrets: whatever prints (a command, a spinner,
 * an API message echoed back), the token is never shown.
 */
export function guardedStdio(): { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream } {
  if (!guarded) {
    guarded = true;
    for (const stream of [process.stdout, process.stderr]) {
      const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
      stream.write = ((chunk: unknown, ...rest: unknown[]) => write(typeof chunk === 'string' ? redactSecrets(chunk) : chunk, ...rest)) as typeof stream.write;
      stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
        throw error;
      });
    }
  }
  return { stdout: process.stdout, stderr: process.stderr };
}
