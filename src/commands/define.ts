import { Command, Option } from 'commander';
import type { Context, GlobalOptions } from '../context.js';
import { UsageError } from '../errors.js';
import { currentSignal } from '../lib/interrupt.js';

/** A verb's implementation module: loaded only when the verb runs. */
export interface VerbModule {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  run(ctx: Context, opts: any, ...operands: any[]): Promise<void>;
}

export interface VerbSpec {
  /** One line, shown in the parent's command list. */
  summary: string;
  /** Longer help; defaults to the summary. */
  description?: string;
  /** Full command lines starting with `qarnot `; a test parses each of them. */
  examples: string[];
  /** Changes something: refused with --as (read-only access to another account). */
  writes?: boolean;
  /** Waits or follows: no overall deadline. */
  longRunning?: boolean;
  load: () => Promise<VerbModule>;
}

const examplesByCommand = new WeakMap<Command, string[]>();

export function examplesOf(command: Command): string[] {
  return examplesByCommand.get(command) ?? [];
}

export function setExamples(command: Command, examples: string[]): void {
  examplesByCommand.set(command, examples);
  addExamplesHelp(command, examples);
}

function addExamplesHelp(command: Command, examples: string[]): void {
  if (examples.length > 0) {
    command.addHelpText('after', `\nExamples:\n${examples.map((e) => `  $ ${e}`).join('\n')}\n`);
  }
}

/** A noun (`task`, `pool` ...): a command that only groups verbs. */
export function noun(parent: Command, name: string, summary: string, examples: string[]): Command {
  const cmd = parent.command(name).summary(summary).description(summary);
  setExamples(cmd, examples);
  return cmd;
}

/** Declares `<noun> <verb>`; the implementation is imported only when it runs. */
export function verb(parent: Command, nameAndArgs: string, spec: VerbSpec): Command {
  const cmd = parent.command(nameAndArgs).summary(spec.summary).description(spec.description ?? spec.summary);
  examplesByCommand.set(cmd, spec.examples);
  cmd.action(async (...actionArgs: unknown[]) => {
    const command = actionArgs[actionArgs.length - 1] as Command;
    const operands = actionArgs.slice(0, -2);
    const { globals, opts } = splitOptions(command);
    if (spec.writes && globals.as !== undefined) {
      throw new UsageError(`--as gives read-only access to another account; "${command.parent?.name()} ${command.name()}" changes things and cannot be used with it`);
    }
    // The context brings the terminal streams (and chalk, when colour is on): loaded with the verb, not for help.
    const [{ createContext }, mod] = await Promise.all([import('../context.js'), spec.load()]);
    const ctx = await createContext(command, globals, currentSignal(), { longRunning: spec.longRunning === true });
    await mod.run(ctx, opts, ...operands);
  });
  const declared = deferDeclarations(cmd);
  // Only the help of the verb being run is ever shown: its examples are declared with it.
  addExamplesHelp(declared, spec.examples);
  return declared;
}

// ---- Deferred declarations -------------------------------------------------
//
// A noun has many verbs, and `task create` alone declares ~50 options: building
// them all costs start-up time on every `task` command. So the option-like
// calls chained on a verb are recorded, and replayed only for the verb the
// command line runs (or for every verb when the whole tree is needed: help
// tests, completion scripts). Everything else goes to the command at once.

const RECORDED = new Set<string | symbol>(['option', 'requiredOption', 'addOption', 'argument', 'addArgument', 'allowUnknownOption', 'allowExcessArguments', 'on', 'addHelpText']);
const pending = new Map<Command, [string | symbol, unknown[]][]>();

function deferDeclarations(cmd: Command): Command {
  const calls: [string | symbol, unknown[]][] = [];
  pending.set(cmd, calls);
  const proxy: Command = new Proxy(cmd, {
    get(target, prop, receiver) {
      if (RECORDED.has(prop)) {
        return (...args: unknown[]) => {
          // Once materialized (a verb declared after the pass), calls go through.
          if (!pending.has(target)) (Reflect.get(target, prop, target) as (...a: unknown[]) => unknown).apply(target, args);
          else calls.push([prop, args]);
          return proxy;
        };
      }
      const value = Reflect.get(target, prop, receiver === proxy ? target : receiver);
      return typeof value === 'function' ? (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        return result === target ? proxy : result;
      } : value;
    },
  });
  return proxy;
}

/**
 * Replays the recorded declarations of the verbs on `path` (words of the
 * command line, aliases allowed), or of every verb when `path` is undefined.
 */
export function declareVerbs(path: readonly string[] | undefined): void {
  for (const [cmd, calls] of pending) {
    if (path === undefined || onPath(cmd, path)) {
      for (const [method, args] of calls) (cmd as unknown as Record<string | symbol, (...a: unknown[]) => unknown>)[method]!(...args);
    }
  }
  pending.clear();
}

function onPath(cmd: Command, path: readonly string[]): boolean {
  const chain: Command[] = [];
  for (let c: Command | null = cmd; c && c.parent; c = c.parent) chain.unshift(c);
  return chain.every((c, i) => path[i] !== undefined && (c.name() === path[i] || c.aliases().includes(path[i]!)));
}

// ---- Global options ------------------------------------------------------
//
// Global options live on the program, which only reads them before the first
// subcommand (positional options). So that `qarnot task list --json` works,
// every verb also gets hidden copies of them — except the ones it declares
// itself: `task create --profile` is the Qarnot execution profile, and the
// stored config profile is then chosen before the noun or with QARNOT_PROFILE.

const copiedGlobals = new WeakMap<Command, Set<string>>();

export function shareGlobalOptions(program: Command, path?: readonly string[]): void {
  program.enablePositionalOptions();
  const visit = (command: Command) => {
    for (const child of command.commands) {
      if (child.commands.length > 0) {
        visit(child);
        continue;
      }
      if (path !== undefined && !onPath(child, path)) continue;
      const copies = new Set<string>();
      for (const option of program.options) {
        if (option.long === '--version' || option.long === '--help') continue;
        const taken = child.options.some((o) => o.long === option.long || (option.short !== undefined && o.short === option.short));
        if (taken) {
          child.addHelpText(
            'after',
            `\nNote: ${option.long} here is this command's own option. The global ${option.long} goes before the noun: qarnot ${option.long} ... ${child.parent?.name()} ${child.name()}\n`,
          );
          continue;
        }
        const copy = new Option(option.flags, option.description).hideHelp();
        if (option.argChoices) copy.choices(option.argChoices);
        child.addOption(copy);
        copies.add(copy.attributeName());
      }
      copiedGlobals.set(child, copies);
    }
  };
  visit(program);
}

/** The verb's own options, and the global ones wherever they were given. */
function splitOptions(command: Command): { globals: GlobalOptions; opts: Record<string, unknown> } {
  let root = command;
  while (root.parent) root = root.parent;
  const globals = { ...root.opts() } as GlobalOptions & Record<string, unknown>;
  const copies = copiedGlobals.get(command) ?? new Set<string>();
  const own: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(command.opts())) {
    if (!copies.has(key)) own[key] = value;
    else if (key === 'color') globals.color = globals.color !== false && value !== false;
    else if (value !== undefined) globals[key] = value;
  }
  // Commands read their flags from opts and shared settings from ctx.globals;
  // opts carries both, the verb's own flags winning.
  return { globals, opts: { ...globals, ...own } };
}

// ---- Shared options, declared once -------------------------------------

export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Options common to every `list`: paging, filters and sorting. */
export function addListOptions(cmd: Command, opts: { states: readonly string[]; sortFields: readonly string[]; summary?: boolean }): Command {
  cmd
    .option('--limit <n>', 'show at most N items (default 50)')
    .option('--all', 'list every item, page after page')
    .option('--tag <tag>', 'has this tag (repeatable: any of them)', collect)
    .option('--tags-all <tag>', 'has every one of these tags (repeatable)', collect)
    .option('--state <state>', `in this state (repeatable): ${opts.states.join(', ')}`, collect)
    .option('--name <name>', 'exact name')
    .option('--name-like <pattern>', 'name matching a pattern (* and % are wildcards)')
    .option('--created-after <date>', 'created after this date (ISO date or relative: -2h, -7d)')
    .option('--created-before <date>', 'created before this date')
    .option('--where <expr>', "filter expression, e.g. \"state = Failure and name like 'render-*'\"")
    .option('--sort <field[:order]>', `sort by ${opts.sortFields.join(', ')}; add :asc or :desc (default: creationDate:desc, newest first)`);
  if (opts.summary) cmd.option('--summary', 'fetch the lighter summary objects');
  return cmd;
}

/** Explicit selectors for destructive verbs and wait: never everything by default. */
export function addSelectorOptions(cmd: Command, states: readonly string[], plural = 'items'): Command {
  return cmd
    .option('--tag <tag>', `select ${plural} with this tag (repeatable: any of them)`, collect)
    .option('--tags-all <tag>', `select ${plural} with every one of these tags (repeatable)`, collect)
    .option('--state <state>', `select ${plural} in this state (repeatable): ${states.join(', ')}`, collect)
    .option('--name <name>', `select ${plural} with this exact name`)
    .option('--name-like <pattern>', `select ${plural} whose name matches (* and % are wildcards)`)
    .option('--created-after <date>', `select ${plural} created after this date`)
    .option('--created-before <date>', `select ${plural} created before this date`)
    .option('--where <expr>', 'select with a filter expression')
    .option('--all', `select every one of your ${plural}`);
}

/** Confirmation and concurrency for verbs that change many items at once. */
export function addConfirmOptions(cmd: Command, action: string): Command {
  return cmd
    .option('-y, --yes', `${action} without asking (required when not on a terminal)`)
    .option('--dry-run', `list what would be affected; ${action} nothing`)
    .option('--concurrency <n>', 'requests in flight at once (default 8)');
}

export function formatOption(): Option {
  return new Option('--format <format>', 'output format').choices(['table', 'json', 'jsonl', 'tsv']);
}
