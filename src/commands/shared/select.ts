import { createInterface } from 'node:readline/promises';
import { walkPages } from '../../api/paginate.js';
import type { Http } from '../../api/http.js';
import type { Context } from '../../context.js';
import { SilentExit, UsageError } from '../../errors.js';
import { parseInteger, parseUuidOrShortname } from '../../lib/parse.js';
import { hasSelector, selectorToFilter, type ListTarget, type SelectorOptions } from './list.js';

export interface Selected {
  uuid: string;
  name?: string;
  state?: string;
}

export interface SelectionOptions extends SelectorOptions {
  all?: boolean;
}

/**
 * What a destructive verb acts on: the given ids, or what an explicit
 * selector matches. Never everything by default.
 */
export async function resolveSelection<T extends Selected>(
  ctx: Context,
  ids: string[],
  opts: SelectionOptions,
  target: ListTarget<T>,
  verbName: string,
): Promise<{ http: Http; items: Selected[] }> {
  const selector = hasSelector(opts);
  if (ids.length && (selector || opts.all)) {
    throw new UsageError(`${verbName}: give ${target.view.plural} as IDs or select them with flags, not both`);
  }
  if (!ids.length && !selector && !opts.all) {
    throw new UsageError(
      `${verbName}: no ${target.view.plural} selected; give IDs, a selector (--tag, --state, --name, --name-like, --where) or --all`,
    );
  }
  for (const id of ids) parseUuidOrShortname('ID', id);
  const filter = selectorToFilter(target.resource, target.states, opts);
  const http = await ctx.api();
  if (ids.length) return { http, items: [...new Set(ids)].map((uuid) => ({ uuid })) };
  const items: Selected[] = [];
  for await (const page of walkPages<T>(http, target.paginatePath, { filter: filter ?? null }, {})) {
    for (const item of page) items.push({ uuid: item.uuid, name: item.name, state: item.state });
  }
  return { http, items };
}

export interface ConfirmOptions {
  yes?: boolean;
  dryRun?: boolean;
}

/**
 * Shows what will be affected and asks on a terminal; without one, refuses
 * unless --yes. Returns false when nothing should be done (dry run, "no").
 */
export async function confirmAction(ctx: Context, action: string, items: Selected[], plural: string, opts: ConfirmOptions): Promise<boolean> {
  if (items.length === 0) {
    ctx.io.err(`No ${plural} matched; nothing to ${action}\n`);
    return false;
  }
  if (opts.dryRun) {
    for (const item of items) ctx.io.out(`${item.uuid}${item.name ? `\t${item.name}` : ''}${item.state ? `\t${item.state}` : ''}\n`);
    ctx.io.err(`Dry run: would ${action} ${items.length} ${plural}\n`);
    return false;
  }
  if (opts.yes) return true;
  if (!ctx.io.canPrompt()) {
    throw new UsageError(`refusing to ${action} ${items.length} ${plural} without confirmation (not a terminal); pass --yes`);
  }
  const shown = items.slice(0, 20);
  for (const item of shown) ctx.io.err(`  ${item.uuid}${item.name ? `  ${item.name}` : ''}${item.state ? `  ${item.state}` : ''}\n`);
  if (items.length > shown.length) ctx.io.err(`  ... and ${items.length - shown.length} more\n`);
  const rl = createInterface({ input: ctx.io.stdin, output: ctx.io.stderr });
  try {
    const answer = await rl.question(`${action[0]!.toUpperCase()}${action.slice(1)} ${items.length} ${plural}? [y/N] `, { signal: ctx.signal });
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

export function parseConcurrency(raw: string | undefined, fallback = 8): number {
  return raw === undefined ? fallback : parseInteger('--concurrency', raw, { min: 1, max: 64 });
}

/**
 * Runs `act` over every item with at most `concurrency` in flight and prints
 * one result line per item (stdout: `uuid<TAB>ok|failed<TAB>detail`).
 * Ends with exit 1 when any item failed.
 */
export async function runBulk(
  ctx: Context,
  items: Selected[],
  concurrency: number,
  pastTense: string,
  act: (item: Selected) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = 0;
  const c = ctx.io.color;
  const tty = ctx.io.stdoutIsTTY;
  const worker = async () => {
    while (next < items.length && !ctx.signal.aborted) {
      const item = items[next++]!;
      try {
        await act(item);
        ctx.io.out(tty ? `${c.green('✓')} ${pastTense} ${item.uuid}${item.name ? ` ${c.dim(item.name)}` : ''}\n` : `${item.uuid}\t${pastTense}\n`);
      } catch (error) {
        if (ctx.signal.aborted) throw error;
        failed++;
        const message = error instanceof Error ? error.message : String(error);
        ctx.io.out(tty ? `${c.red('✗')} ${item.uuid}: ${message}\n` : `${item.uuid}\tfailed\t${message}\n`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  if (failed > 0) {
    ctx.io.err(`${failed} of ${items.length} failed\n`);
    throw new SilentExit(1);
  }
}

