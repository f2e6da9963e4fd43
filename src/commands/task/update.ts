import { getTask, updateTask } from '../../api/tasks.js';
import type { Context } from '../../context.js';
import { CliError, UsageError } from '../../errors.js';
import { parseTags, parseUuidOrShortname, quote, type KeyValue } from '../../lib/parse.js';
import { parseConstants } from '../shared/body.js';
import { printChanged, printDryRun } from '../shared/changes.js';

export interface UpdateOptions {
  constant?: string[];
  tag?: string[];
  untag?: string[];
  replace?: boolean;
  dryRun?: boolean;
}

/** The API shows secret constants (QARNOT_SECRET__*) with this value; sending it back would overwrite them. */
const HIDDEN_VALUE = '[SECRET]';

/**
 * PUT replaces the task's constants and tags wholesale, so by default the
 * current ones are read first and the changes merged in.
 */
export async function run(ctx: Context, opts: UpdateOptions, id: string): Promise<void> {
  parseUuidOrShortname('ID', id);
  const constants = opts.constant?.length ? parseConstants('--constant', opts.constant) : undefined;
  const tags = opts.tag?.length ? parseTags('--tag', opts.tag) : undefined;
  const untag = opts.untag ?? [];
  if (!constants && !tags && !untag.length) throw new UsageError('task update: nothing to change; give --constant, --tag or --untag');
  if (opts.replace && untag.length) throw new UsageError('--untag cannot be used with --replace');
  const both = (tags ?? []).filter((tag) => untag.includes(tag));
  if (both.length) throw new UsageError(`--tag and --untag both name ${both.map((tag) => quote(tag)).join(', ')}: give each tag to one of them`);
  const http = await ctx.api();
  const update: { constants?: KeyValue[]; tags?: string[] } = {};
  if (opts.replace) {
    if (constants) update.constants = constants;
    if (tags) update.tags = tags;
  } else {
    const task = await getTask(http, id);
    if (constants) update.constants = mergeConstants(task.constants ?? [], constants);
    if (tags || untag.length) {
      const merged = [...new Set([...(task.tags ?? []), ...(tags ?? [])])].filter((t) => !untag.includes(t));
      update.tags = parseTags('--tag', merged);
    }
  }
  if (opts.dryRun) {
    printDryRun(ctx, update, `would update task ${id}`);
    return;
  }
  await updateTask(http, id, update);
  printChanged(ctx, `Updated task ${id}`);
}

function mergeConstants(current: KeyValue[], changes: KeyValue[]): KeyValue[] {
  const map = new Map(current.map((c) => [c.key, c.value] as const));
  for (const c of changes) map.set(c.key, c.value);
  const hidden = [...map].filter(([, value]) => value === HIDDEN_VALUE).map(([key]) => key);
  if (hidden.length) {
    throw new CliError(
      `constant ${hidden.join(', ')} holds a secret the API does not show, and updating would overwrite it: give its value again with -c KEY=VALUE, or use --replace`,
      2,
    );
  }
  return [...map].map(([key, value]) => ({ key, value }));
}
