import { walkPages } from '../../api/paginate.js';
import { badAnswer, objectWith } from '../../api/answers.js';
import { resolveFilterIds } from '../../api/resolve-ids.js';
import type { Http } from '../../api/http.js';
import type { Context } from '../../context.js';
import { ApiError, CliError, ExitCode, InterruptedError, SilentExit, UsageError } from '../../errors.js';
import { parseInteger, parseUuidOrShortname } from '../../lib/parse.js';
import type { ResourceDescriptor } from '../../resources/resource.js';
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
      items.push({ uuid: item.uuid, name: item.name, state: item.state });
    }
  }
  if (items.length === 0) throw new CliError(`no ${resource.plural} matched; nothing to ${action}`, ExitCode.NotFound);
  return { http, items };
}

const WITH_UUID = objectWith('uuid');

function parseConcurrency(raw: string | undefined, fallback = 8): number {
  return raw === undefined ? fallback : parseInteger('--concurrency', raw, { min: 1, max: 64 });
}

export interface BulkAction {
  /** `abort`, `delete (with their tasks)`: for the question and the dry run. */
  action: string;
  /** `aborted`: for the per-item lines. */
  pastTense: string;
  act(http: Http, item: Selected): Promise<void>;
  /** A line on what else the action takes with the items, for the dry run and the question. */
  alsoAffected?(http: Http, items: Selected[]): Promise<string | undefined>;
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
  const { http, items: selected } = await resolveSelection(ctx, ids, opts, resource, verb);
  // Before a person decides (dry run, question): what each given id names, and which name nothing.
  const { items, missing } = ids.length && !opts.yes ? await describeGiven(http, resource, selected, concurrency) : { items: selected, missing: [] };
  for (const message of missing) ctx.io.err(`error: ${message}\n`);
  if (items.length === 0) throw new SilentExit(ExitCode.NotFound);
  const alsoAffected = bulk.alsoAffected && (() => bulk.alsoAffected!(http, items));
  if (await confirmAction(ctx, bulk.action, items, resource.plural, opts, alsoAffected)) await runBulk(ctx, items, concurrency, bulk.pastTense, (item) => bulk.act(http, item));
  if (missing.length) {
    ctx.io.err(`${missing.length} of ${missing.length + items.length} not found\n`);
    throw new SilentExit(ExitCode.Failure);
  }
}

/** The given ids fetched (uuid, name, state), and the messages of those not found. */
async function describeGiven<T extends Selected>(http: Http, resource: ResourceDescriptor<T>, given: Selected[], concurrency: number): Promise<{ items: Selected[]; missing: string[] }> {
  const items: Selected[] = [];
  const missing: string[] = [];
  for (let at = 0; at < given.length; at += concurrency) {
    const batch = given.slice(at, at + concurrency).map(async ({ uuid }): Promise<Selected | string> => {
      try {
        const item = await resource.get(http, uuid);
        return { uuid: typeof item.uuid === 'string' ? item.uuid : uuid, name: item.name, state: item.state };
      } catch (error) {
        if (error instanceof CliError && error.exitCode === ExitCode.NotFound) return error.message;
        throw error;
      }
    });
    for (const result of await Promise.all(batch)) {
      if (typeof result === 'string') missing.push(result);
      else items.push(result);
    }
  }
  return { items, missing };
}

/**
 * Runs `act` over every item with at most `concurrency` in flight and prints
 * one result line per item (stdout: `uuid<TAB>ok|failed<TAB>detail`).
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
  const c = ctx.io.color;
  const tty = ctx.io.stdoutIsTTY;
  const worker = async () => {
    while (next < items.length && !ctx.signal.aborted) {
      const item = items[next++]!;
      try {
        await act(item);
        done++;
        ctx.io.out(tty ? `${c.green('✓')} ${pastTense} ${item.uuid}${item.name ? ` ${c.dim(item.name)}` : ''}\n` : `${item.uuid}\t${pastTense}\n`);
      } catch (error) {
        // An answer that came (an ApiError) is a result like any other; an aborted request's never came.
        if (ctx.signal.aborted && !(error instanceof ApiError)) {
          unanswered++;
          return;
        }
        failed++;
        if (error instanceof CliError && error.exitCode === ExitCode.NotFound) notFound++;
        const message = error instanceof Error ? error.message : String(error);
        ctx.io.out(tty ? `${c.red('✗')} ${item.uuid}: ${message}\n` : `${item.uuid}\tfailed\t${message}\n`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
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
