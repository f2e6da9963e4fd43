import { Command, Option } from 'commander';
import { createContext, type Context, type GlobalOptions } from '../context.js';
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
  setExamples(cmd, spec.examples);
  cmd.action(async (...actionArgs: unknown[]) => {
    const command = actionArgs[actionArgs.length - 1] as Command;
    const operands = actionArgs.slice(0, -2);
    const opts = command.optsWithGlobals() as GlobalOptions & Record<string, unknown>;
    if (spec.writes && opts.as !== undefined) {
      throw new UsageError(`--as gives read-only access to another account; "${command.parent?.name()} ${command.name()}" changes things and cannot be used with it`);
    }
    const ctx = createContext(command, opts, currentSignal(), { longRunning: spec.longRunning === true });
    const mod = await spec.load();
    await mod.run(ctx, opts, ...operands);
  });
  return cmd;
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
    .option('--sort <field[:order]>', `sort by ${opts.sortFields.join(', ')}; add :asc or :desc`);
  if (opts.summary) cmd.option('--summary', 'fetch the lighter summary objects');
  return cmd;
}

export function formatOption(): Option {
  return new Option('--format <format>', 'output format').choices(['table', 'json', 'jsonl', 'tsv']);
}
