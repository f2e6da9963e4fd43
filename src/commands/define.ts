import { Command, Option } from 'commander';
import type { Context, ContextSettings, GlobalOptions } from '../context.js';
import { UsageError } from '../errors.js';
import { currentSignal } from '../lib/interrupt.js';
import { formatExamples, helpWidthOf, wrappedHelpText } from '../output/help-wrap.js';

// ---- How a command is declared ---------------------------------------------
//
//   const show = defineVerb({
//     name: 'show <id>', aliases: ['get'],
//     summary: 'Show one task (uuid or shortname)',
//     examples: ['qarnot task show my-task'],            // a test parses each of them
//     options: (cmd) => cmd.option('--wait', '...'),    // declared only for the verb being run
//     load: () => import('./show.js'),                  // exports run(ctx, opts: Options, id)
//   });
//   noun(program, { name: 'task', summary, examples, verbs: [show, ...] });
//
// The verb module's `run(ctx, opts, ...operands)` types its own options (`opts` holds only
// the verb's flags, by their commander attribute names); global options are in
// `ctx.globals`, never in `opts`. Options that take one value are refused when given
// twice or empty (exit 2); repeatable ones declare a parser (`collect`).

/** What a verb's module exports: loaded only when the verb runs. */
export interface VerbModule<Options> {
  run: (ctx: Context, opts: Options, ...operands: never[]) => Promise<void> | void;
}

export interface VerbSpec<Options> {
  /** The verb and its arguments, as commander reads them: `show <id>`, `delete [ids...]`. */
  name: string;
  aliases?: string[];
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
  /** Declares the verb's options (and arguments with choices); called only when they are needed. */
  options?: (cmd: Command) => unknown;
  load: () => Promise<VerbModule<Options>>;
}

/** A declared verb, whatever its options' type. */
export type Verb = VerbSpec<never>;

/** Checks the declaration against its module's `run`; `Options` is inferred from it when not given. */
export function defineVerb<Options>(spec: VerbSpec<Options>): Verb {
  return spec;
}

export interface NounSpec {
  name: string;
  summary: string;
  examples: string[];
  verbs: Verb[];
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
    command.addHelpText('after', ({ command: shown }) => `\nExamples:\n${formatExamples(examples, helpWidthOf(shown))}\n`);
  }
}

/** A noun (`task`, `pool` ...): a command that only groups verbs. */
export function noun(parent: Command, spec: NounSpec): Command {
  const cmd = parent.command(spec.name).summary(spec.summary).description(spec.summary);
  setExamples(cmd, spec.examples);
  addVerbs(cmd, spec.verbs);
  return cmd;
}

/** Verbs whose options are not declared yet: see declareVerbs. */
const undeclared = new Map<Command, Verb>();

/** Adds `<parent> <verb>` commands; each implementation is imported only when it runs. */
export function addVerbs(parent: Command, verbs: Verb[]): void {
  for (const spec of verbs) {
    const cmd = parent.command(spec.name).summary(spec.summary).description(spec.description ?? spec.summary);
    for (const alias of spec.aliases ?? []) cmd.alias(alias);
    examplesByCommand.set(cmd, spec.examples);
    cmd.action((...actionArgs: unknown[]) => runVerb(spec, actionArgs));
    undeclared.set(cmd, spec);
  }
}

/** Makes the context of the verbs of a program: the process's by default, a test's in tests. */
export type ContextFactory = (command: Command, globals: GlobalOptions, signal: AbortSignal, settings: ContextSettings) => Promise<Context>;

const contextFactories = new WeakMap<Command, ContextFactory>();

/** Tests run verbs in process with in-memory streams (test/helpers/run.ts). */
export function useContextFactory(program: Command, factory: ContextFactory): void {
  contextFactories.set(program, factory);
}

async function runVerb(spec: Verb, actionArgs: unknown[]): Promise<void> {
  const command = actionArgs[actionArgs.length - 1] as Command;
  let root = command;
  while (root.parent) root = root.parent;
  const operands = actionArgs.slice(0, -2);
  const { globals, opts } = splitOptions(command);
  if (spec.writes && globals.as !== undefined) {
    throw new UsageError(`--as gives read-only access to another account; "${command.parent?.name()} ${command.name()}" changes things and cannot be used with it`);
  }
  // The context brings the terminal streams (and chalk, when colour is on): loaded with the verb, not for help.
  const [{ createContext }, mod] = await Promise.all([import('../context.js'), spec.load()]);
  const ctx = await (contextFactories.get(root) ?? createContext)(command, globals, currentSignal(), { longRunning: spec.longRunning === true });
  await (mod.run as (ctx: Context, opts: unknown, ...operands: unknown[]) => Promise<void> | void)(ctx, opts, ...operands);
}

/**
 * Declares the options of the verbs on `path` (words of the command line, aliases
 * allowed), or of every verb when `path` is undefined (help tests, completion scripts):
 * a noun has many verbs, and `task create` alone declares ~50 options.
 */
export function declareVerbs(path: readonly string[] | undefined): void {
  for (const [cmd, spec] of undeclared) {
    if (path === undefined || onPath(cmd, path)) {
      spec.options?.(cmd);
      addExamplesHelp(cmd, spec.examples);
    }
  }
  undeclared.clear();
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
// itself (`task create --profile` is the execution profile). Either way they
// reach the verb in ctx.globals only.

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
          if (isHidden(option)) continue;
          child.addHelpText(
            'after',
            wrappedHelpText(`\nNote: ${option.long} here is this command's own option. The global ${option.long} goes before the noun: qarnot ${option.long} ... ${child.parent?.name()} ${child.name()}\n`),
          );
          continue;
        }
        const copy = new Option(option.flags, option.description).hideHelp();
        if (option.argChoices) copy.choices(option.argChoices);
        child.addOption(copy);
        copies.add(copy.attributeName());
      }
      copiedGlobals.set(child, copies);
      refuseRepeatsAndEmpties(child);
    }
  };
  visit(program);
}

function isHidden(option: Option): boolean {
  return (option as unknown as { hidden?: boolean }).hidden === true;
}

/** The verb's own options, and the global ones wherever they were given: never mixed. */
function splitOptions(command: Command): { globals: GlobalOptions; opts: Record<string, unknown> } {
  let root = command;
  while (root.parent) root = root.parent;
  const globals = { ...root.opts() } as GlobalOptions & Record<string, unknown>;
  const copies = copiedGlobals.get(command) ?? new Set<string>();
  const own: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(command.opts())) {
    if (!copies.has(key)) own[key] = value;
    else if (key === 'color') globals.color = globals.color !== false && value !== false;
    else if (value !== undefined) {
      // `qarnot --format tsv task list --format json`: given on both sides, as refused on one.
      const option = command.options.find((o) => o.attributeName() === key);
      if (option && (option.required || option.optional) && root.getOptionValueSource(key) === 'cli') {
        throw new UsageError(`${option.long ?? option.name()} was given more than once; give it once`);
      }
      globals[key] = value;
    }
  }
  return { globals, opts: own };
}

// ---- One value per option --------------------------------------------------

/**
 * An option that takes one value keeps the last one silently in commander: `--limit 5
 * --limit 2` would list 2. Refused instead, like an empty value (`--fields ''`), naming
 * the flag. Repeatable options (a parser such as `collect`) are only checked for emptiness.
 */
export function refuseRepeatsAndEmpties(command: Command): void {
  for (const option of command.options) {
    if (!option.required && !option.optional) continue;
    const parse = option.parseArg as ((value: string, previous: unknown) => unknown) | undefined;
    const repeatable = parse !== undefined && option.argChoices === undefined;
    let given = false;
    option.argParser((value: string, previous: unknown) => {
      const flag = option.long ?? option.short ?? option.name();
      if (value.trim() === '') throw new UsageError(`${flag} needs a value, got an empty one`);
      if (given && !repeatable) throw new UsageError(`${flag} was given more than once; give it once`);
      given = true;
      return parse ? parse(value, previous) : value;
    });
  }
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
