// The output contract of every verb that changes something (create, clone, retry,
// update, abort ...): data on stdout — the new uuid, bare or as {"uuid": ...} with
// --json — and one line for people on stderr, the info channel, which -q silences.
import type { Context } from '../../context.js';
import { ExitCode, SilentExit, UsageError } from '../../errors.js';
import { outputMode } from '../../output/print.js';
import type { Selected } from './select.js';
import { countOf } from '../../lib/plural.js';

/** A line for people on stderr; -q silences it (errors and warnings never use it). */
export function info(ctx: Context, line: string): void {
  if (!ctx.globals.quiet) ctx.io.err(`${line}\n`);
}

export function isJson(ctx: Context): boolean {
  const mode = outputMode(ctx);
  return mode === 'json' || mode === 'jsonl';
}

/** The uuid of what was just created on stdout, and `✓ Created task "name" <uuid>` on the info channel. */
export function printCreated(ctx: Context, uuid: string, confirmation: string): void {
  ctx.io.out(isJson(ctx) ? `${JSON.stringify({ uuid })}\n` : `${uuid}\n`);
  info(ctx, `${ctx.io.colorErr.green('✓')} ${confirmation}`);
}

/** A change that creates nothing (update, sync ...): only the confirmation line. */
export function printChanged(ctx: Context, confirmation: string): void {
  info(ctx, `${ctx.io.colorErr.green('✓')} ${confirmation}`);
}

/** --dry-run: the request body on stdout, what would happen on the info channel. */
export function printDryRun(ctx: Context, body: unknown, what: string): void {
  ctx.io.out(`${JSON.stringify(body, null, 2)}\n`);
  info(ctx, `Dry run: ${what}; nothing sent`);
}

/** `"name"` for confirmations, from a request body. */
export function quotedName(body: Record<string, unknown>): string {
  return JSON.stringify(String(body.name ?? ''));
}

export interface ConfirmOptions {
  yes?: boolean;
  dryRun?: boolean;
}

/**
 * The one confirmation rule of destructive verbs (stated in `qarnot help`): --dry-run
 * lists what would be affected; --yes acts; otherwise ask on a terminal, and refuse
 * elsewhere. Returns false when nothing should be done (dry run, "no").
 */
export async function confirmAction(
  ctx: Context,
  action: string,
  items: Selected[],
  plural: string,
  opts: ConfirmOptions,
  /** What else goes with them (the buckets a purge deletes): asked for only when shown. */
  alsoAffected?: () => Promise<string | undefined>,
): Promise<boolean> {
  if (opts.dryRun) {
    const mode = outputMode(ctx);
    if (mode === 'json') ctx.io.out(`${JSON.stringify(items, null, 2)}\n`);
    else if (mode === 'jsonl') for (const item of items) ctx.io.out(`${JSON.stringify(item)}\n`);
    else if (mode === 'ids') for (const item of items) ctx.io.out(`${item.uuid}\n`);
    else for (const item of items) ctx.io.out(`${item.uuid}${item.name ? `\t${item.name}` : ''}${item.state ? `\t${item.state}` : ''}\n`);
    const also = await alsoAffected?.();
    ctx.io.err(`Dry run: would ${action} ${countOf(items.length, plural)}${also ? `; ${also}` : ''}\n`);
    return false;
  }
  if (opts.yes) return true;
  if (!ctx.io.canPrompt()) {
    throw new UsageError(`refusing to ${action} ${countOf(items.length, plural)} without confirmation (not a terminal); pass --yes`);
  }
  const shown = items.slice(0, 20);
  for (const item of shown) ctx.io.err(`  ${item.uuid}${item.name ? `  ${item.name}` : ''}${item.state ? `  ${item.state}` : ''}\n`);
  if (items.length > shown.length) ctx.io.err(`  ... and ${items.length - shown.length} more\n`);
  const also = await alsoAffected?.();
  if (also) ctx.io.err(`  ${also}\n`);
  // Loaded only to ask: readline is not free, and most changes never ask.
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: ctx.io.stdin, output: ctx.io.stderr });
  const question = `${action[0]!.toUpperCase()}${action.slice(1)} ${countOf(items.length, plural)}? [y/N] `;
  try {
    // Ctrl-D or the end of stdin answers as Enter does: no (readline rejects the one, never settles the other).
    const answer = await new Promise<string | undefined>((resolve, reject) => {
      // After the answer of a last line, which settles a tick after the input closes.
      rl.once('close', () => setImmediate(() => resolve(undefined)));
      // A terminal in raw mode sends Ctrl-C here, not as a signal: interrupted, 130, nothing done.
      rl.once('SIGINT', () => {
        ctx.io.err('\n');
        reject(new SilentExit(ExitCode.Interrupted));
      });
      rl.question(question, { signal: ctx.signal }).then(resolve, (error: unknown) => (ctx.signal.aborted ? reject(error) : resolve(undefined)));
    });
    if (answer === undefined) ctx.io.err('\n'); // the shell's prompt on a line of its own
    return /^y(es)?$/i.test((answer ?? '').trim());
  } finally {
    rl.close();
  }
}
