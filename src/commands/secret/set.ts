import { createSecret, putSecret } from '../../api/secrets.js';
import type { Context } from '../../context.js';
import { ApiError, CliError, UsageError } from '../../errors.js';
import { readAllStdin, readHidden } from '../../lib/prompt.js';
import { registerSecret } from '../../lib/secrets.js';
import { printChanged } from '../shared/changes.js';
import { parseSecretKey } from './key.js';

const MAX_VALUE_BYTES = 64 * 1024;

/** From a pipe: all of stdin, less one final newline (what `echo` and heredocs add). */
async function readValue(ctx: Context, key: string): Promise<string> {
  if (!ctx.io.stdinIsTTY) return (await readAllStdin(ctx.io.stdin)).replace(/\r?\n$/, '');
  if (!ctx.io.stderrIsTTY) throw new UsageError('no value: pipe it on stdin (secret values are never taken from the command line)');
  return readHidden(ctx.io.stdin, ctx.io.stderr, `Value of secret ${key}: `, ctx.signal);
}

export async function run(ctx: Context, opts: { overwrite?: boolean }, raw: string): Promise<void> {
  const key = parseSecretKey('KEY', raw);
  const value = await readValue(ctx, key);
  if (value === '') throw new UsageError('the secret value is empty: pipe it on stdin or type it at the prompt');
  // Scrubbed from --verbose and error messages, as the token is, should the API ever echo it.
  registerSecret(value);
  if (Buffer.byteLength(value) > MAX_VALUE_BYTES) throw new UsageError(`the secret value is ${Buffer.byteLength(value)} bytes; at most ${MAX_VALUE_BYTES} are allowed`);
  const http = await ctx.api();
  if (opts.overwrite === false) {
    try {
      await createSecret(http, key, value);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) throw new CliError(`secret "${key}" already exists (--no-overwrite); not changed`);
      throw error;
    }
    printChanged(ctx, `Created secret ${key}`);
    return;
  }
  const done = await putSecret(http, key, value);
  printChanged(ctx, `${done === 'created' ? 'Created' : 'Updated'} secret ${key}`);
}
