import { walkPages } from '../../api/paginate.js';
import { badAnswer, objectWith } from '../../api/answers.js';
import { resolveFilterIds } from '../../api/resolve-ids.js';
import type { Http } from '../../api/http.js';
import type { Context } from '../../context.js';
import { ApiError, CliError, ExitCode, InterruptedError, SilentExit, UsageError } from '../../errors.js';
import { mapLimit } from '../../lib/map-limit.js';
import { parseInteger, parseUuidOrShortname } from '../../lib/parse.js';
import type { ResourceDescriptor } from '../../resources/resource.js';
import { inlineText, outputMode } from '../../output/print.js';
import { confirmAction, type ConfirmOptions } from './changes.js';
import { hasSelector, selectorToFilter, type SelectorOptions } from './list.js';

export interface Selected {
  uuid: string;
  name?: string;
  state?: string;
}

export interface SelectionOptions extends SelectorOptions {
  all?: boolean;
}

export interface BulkOptions extends SelectionOptions, ConfirmOptions {
  concurrency?: string;
}

/**
 * What a verb acting on many items acts on: the given ids, or what an explicit
 * selector matches. Never everything by default; a selector that matches nothing
 * says so and ends with exit 3 (a script must not take "nothing" for "done").
 */
export async function resolveSelection<T extends Selected>(
  ctx: Context,
  ids: string[],
  opts: SelectionOptions,
  resource: ResourceDescriptor<T>,
  action: string,
): Promise<{ http: Http; items: Selected[] }> {
  const verbName = ctx.commandPath.replace(/^qarnot /, '');
  const selector = hasSelector(opts);
  if (ids.length && (selector || opts.all)) {
    throw new UsageError(`${verbName}: give ${resource.plural} as IDs or select them with flags, not both`);
  }
  if (!ids.length && !selector && !opts.all) {
    throw new UsageError(`${verbName}: no ${resource.plural} selected; give IDs, a selector (--tag, --state, --name, --name-like, --where) or --all`);
  }
  for (const id of ids) parseUuidOrShortname('ID', id);
  const where = selectorToFilter(resource, opts);
  const http = await ctx.api();
  if (ids.length) return { http, items: [...new Set(ids)].map((uuid) => ({ uuid })) };
  const filter = await resolveFilterIds(() => ctx.api(), where, resource.name);
  const items: Selected[] = [];
  for await (const page of walkPages<T>(http, resource.paths.paginate, { filter: filter ?? null }, {})) {
    for (const item of page) {
      // Its uuid is what the verb acts on: without one it would act on ".../undefined".
      const wrong = WITH_UUID(item);
      if (wrong) throw badAnswer({ method: 'POST', path: resource.paths.paginate }, `listed item: ${wrong}`);
      items.push(selected(item));
    }
  }
  if (items.length === 0) throw new CliError(`no ${resource.plural} matched; nothing to ${action}`, ExitCode.NotFound);
  return { http, items };
}

const WITH_UUID = objectWith('uuid');

/** What the question, the dry run and the result lines show of an item; its name comes from anyone who could name it. */
const selected = (item: Selected): Selected => ({ uuid: item.uuid, name: typeof item.name === 'string' ? inlineText(item.name) : undefined, state: item.state });

function parseConcurrency(raw: string | undefined, fallback = 8): number {
  return raw === undefined ? fallback : parseInteger('--concurrency', raw, { min: 1, max: 64 });
}

export interface BulkAction {
  /** `abort`, `delete (with their tasks)`: for the question and the dry run. */
  action: string;
  /** `aborted`: for the per-item lines. */
  pastTense: string;
  act(http: Http, item: Selected): Promise<void>;
  /**
   * A line on what else the action takes with the items, for the dry run and the question;
   * `read` holds the objects already read for them (by uuid), not to be asked for again.
   */
  alsoAffected?(http: Http, items: Selected[], read: ReadonlyMap<string, unknown>): Promise<string | undefined>;
}

/**
 * abort / delete / close / terminate: select → confirm → bounded concurrency →
 * one result line per item.
 */
export async function runBulkAction<T extends Selected>(
  ctx: Context,
  resource: ResourceDescriptor<T>,
  ids: string[],
  opts: BulkOptions,
  bulk: BulkAction,
): Promise<void> {
  const concurrency = parseConcurrency(opts.concurrency);
  const verb = bulk.action.split(' ')[0]!;
  const selection = await resolveSelection(ctx, ids, opts, resource, verb);
  const { http } = selection;
  // Shown before acting (dry run, question): what each id names, as a selector's items are.
  const shown = ids.length && (opts.dryRun || (!opts.yes && ctx.io.canPrompt()));
  const { items, notFound, read } = shown ? await lookUpIds(ctx, http, resource, selection.items, concurrency) : { items: selection.items, notFound: 0, read: new Map() };
  const alsoAffected = bulk.alsoAffected && (() => bulk.alsoAffected!(http, items, read));
  if (await confirmAction(ctx, bulk.action, items, resource.plural, opts, alsoAffected)) {
    await runBulk(ctx, items, concurrency, bulk.pastTense, (item) => bulk.act(http, item));
  }
  if (notFound) throw new SilentExit(ExitCode.Failure);
}

/**
 * The given ids as what they name (uuid, name, state), each task once however it was
 * named (uuid, prefix, shortname). Those not found are said on stderr and left out; none
 * found at all: exit 3.
 */
async function lookUpIds<T extends Selected>(
  ctx: Context,
  http: Http,
  resource: ResourceDescriptor<T>,
  given: Selected[],
  concurrency: number,
): Promise<{ items: Selected[]; notFound: number; read: Map<string, T> }> {
  const found: (T | undefined)[] = new Array(given.length);
  const missing: string[] = [];
  await mapLimit([...given.keys()], concurrency, async (index) => {
    try {
      found[index] = await resource.get(http, given[index]!.uuid);
    } catch (error) {
      if (!(error instanceof CliError && error.exitCode === ExitCode.NotFound)) throw error;
      missing[index] = error.message;
    }
  });
  const messages = missing.filter(Boolean);
  for (const message of messages) ctx.io.err(`error: ${message}\n`);
  const read = new Map(found.filter((item): item is T => item !== undefined).map((item) => [item.uuid, item]));
  if (read.size === 0) throw new SilentExit(ExitCode.NotFound);
  return { items: [...read.values()].map(selected), notFound: messages.length, read };
}

/**
 * One result per item on stdout, in the output mode asked for: `✓ deleted UUID name` on a
 * terminal, `UUID<TAB>deleted|failed<TAB>detail` otherwise, `{"uuid","result","error"}` with
 * --json (one array, at the end) or --format jsonl, the uuids acted on with -q (failures on stderr).
 */
function bulkReporter(ctx: Context, items: Selected[], pastTense: string): { item(item: Selected, error?: string): void; end(): void } {
  const mode = outputMode(ctx);
  const c = ctx.io.color;
  const tty = ctx.io.stdoutIsTTY;
  // --json: in the order given, whatever order the answers came in.
  const order = new Map(items.map((item, index) => [item, index]));
  const records: { uuid: string; result: string; error?: string }[] = [];
  return {
    item(item, error) {
      const record = { uuid: item.uuid, result: error === undefined ? pastTense : 'failed', ...(error === undefined ? {} : { error }) };
      if (mode === 'json') records[order.get(item)!] = record;
      else if (mode === 'jsonl') ctx.io.out(`${JSON.stringify(record)}\n`);
      else if (mode === 'ids') {
        if (error === undefined) ctx.io.out(`${item.uuid}\n`);
        else ctx.io.err(`${item.uuid}: ${error}\n`);
      } else if (tty) {
        ctx.io.out(error === undefined ? `${c.green('✓')} ${pastTense} ${item.uuid}${item.name ? ` ${c.dim(item.name)}` : ''}\n` : `${c.red('✗')} ${item.uuid}: ${error}\n`);
      } else ctx.io.out(error === undefined ? `${item.uuid}\t${pastTense}\n` : `${item.uuid}\tfailed\t${error}\n`);
    },
    end() {
      if (mode === 'json') ctx.io.out(`${JSON.stringify(records.filter(Boolean), null, 2)}\n`);
    },
  };
}

/**
 * Runs `act` over every item with at most `concurrency` in flight and prints
 * one result per item (see bulkReporter).
 * Ends with exit 3 when every item was not found, 1 when any failed. Interrupted, it says
 * how far it got: the requests in flight may have acted though their answer never came.
 */
export async function runBulk(
  ctx: Context,
  items: Selected[],
  concurrency: number,
  pastTense: string,
  act: (item: Selected) => Promise<void>,
): Promise<void> {
  let next = 0;
  let done = 0;
  let failed = 0;
  let notFound = 0;
  let unanswered = 0;
  const report = bulkReporter(ctx, items, pastTense);
  const worker = async () => {
    while (next < items.length && !ctx.signal.aborted) {
      const item = items[next++]!;
      try {
        await act(item);
        done++;
        report.item(item);
      } catch (error) {
        // An answer that came (an ApiError) is a result like any other; an aborted request's never came.
        if (ctx.signal.aborted && !(error instanceof ApiError)) {
          unanswered++;
          return;
        }
        failed++;
        if (error instanceof CliError && error.exitCode === ExitCode.NotFound) notFound++;
        report.item(item, error instanceof Error ? error.message : String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  report.end();
  if (ctx.signal.aborted) {
    const notStarted = items.length - next;
    ctx.io.err(`interrupted: ${done} done, ${unanswered} may have been done, ${notStarted} not started${failed ? `, ${failed} failed` : ''}\n`);
    throw new InterruptedError();
  }
  if (failed > 0) {
    ctx.io.err(`${failed} of ${items.length} failed\n`);
    throw new SilentExit(notFound === items.length ? ExitCode.NotFound : ExitCode.Failure);
  }
}
