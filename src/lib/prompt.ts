import type { Readable, Writable } from 'node:stream';
import { UsageError } from '../errors.js';
import { interrupt } from './interrupt.js';

export async function readAllStdin(stdin: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads one line from a terminal without echoing it (for tokens). */
export function readHidden(stdin: Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => void }, stderr: Writable, question: string, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    stderr.write(question);
    let value = '';
    const finish = (error?: Error) => {
      stdin.removeListener('data', onData);
      stdin.removeListener('end', onEnd);
      signal.removeEventListener('abort', onAbort);
      stdin.setRawMode?.(false);
      stdin.pause();
      stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onAbort = () => finish(new Error('interrupted'));
    const onEnd = () => finish();
    // Raw mode turns the terminal's line editing off: its keys arrive as bytes.
    const onData = (chunk: Buffer) => {
      const chars = [...chunk.toString('utf8')];
      for (const [i, ch] of chars.entries()) {
        if (ch === '\r' || ch === '\n') {
          // Pasted lines after the first would be dropped without a word: a key file must come from stdin.
          if (chars.slice(i + 1).join('').trim() !== '') return finish(new UsageError('the pasted text has several lines, and the prompt reads one: pipe the value on stdin instead (< FILE)'));
          return finish();
        }
        if (ch === '\u0003') {
          // Ctrl-C: the signal it stands for.
          interrupt();
          return finish(new Error('interrupted'));
        }
        // Ctrl-D: end of input on an empty line (as a shell reads it), else nothing; never part of the value.
        if (ch === '\u0004') {
          if (value === '') return finish();
          continue;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch === '\u0015') value = ''; // Ctrl-U
        else if (ch >= ' ' || ch === '\t') value += ch; // not Escape nor the other control keys
      }
    };
    signal.addEventListener('abort', onAbort, { once: true });
    stdin.setRawMode?.(true);
    stdin.resume();
    stdin.on('data', onData);
    stdin.once('end', onEnd);
  });
}
