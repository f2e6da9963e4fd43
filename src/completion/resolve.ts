// The reference logic of completion: from the words typed after `qarnot`, which
// slot the last word fills. `qarnot __complete` runs it; the shell scripts
// implement the same walk over the data baked into them (shells/*.ts).
import { argAt, findOption, findSubcommand, FREE, type CommandSpec, type OptionSpec, type ValueKind } from './model.js';

export type Slot =
  | { type: 'subcommands' }
  | { type: 'options' }
  | { type: 'value'; value: ValueKind };

export interface Resolution {
  /** The deepest command named on the line. */
  command: CommandSpec;
  slot: Slot;
  /** What the user typed of the value so far (after `--opt=` when given that way). */
  partial: string;
  /** Text to put back in front of each candidate (`--format=`), so it replaces the whole word. */
  insertPrefix: string;
  /** Values of global options seen on the line (`--profile`, `--api-url`, `--as`): they pick the connection. */
  globals: Record<string, string>;
}

export interface Candidate {
  value: string;
  description?: string;
}

/** `words`: everything after the program name; the last one is the word being completed (maybe ''). */
export function resolveWords(root: CommandSpec, words: readonly string[]): Resolution {
  const partial = words.length ? words[words.length - 1]! : '';
  let command = root;
  let pending: OptionSpec | undefined;
  let operands = 0;
  let afterDashes = false;
  const globals: Record<string, string> = {};
  for (const word of words.slice(0, -1)) {
    if (pending) {
      if (pending.global) globals[longName(pending)] = word;
      pending = undefined;
    } else if (!afterDashes && word === '--') {
      afterDashes = true;
    } else if (!afterDashes && word.startsWith('-') && word !== '-') {
      const eq = word.indexOf('=');
      const option = findOption(command, eq > 0 ? word.slice(0, eq) : word);
      if (option?.global && eq > 0) globals[longName(option)] = word.slice(eq + 1);
      else if (option?.takesValue && eq < 0) pending = option;
    } else {
      const sub = operands === 0 ? findSubcommand(command, word) : undefined;
      if (sub) command = sub;
      else operands += 1;
    }
  }
  const base = { command, partial, insertPrefix: '', globals };
  if (pending) return { ...base, slot: { type: 'value', value: pending.value } };
  if (!afterDashes && partial.startsWith('-')) {
    const eq = partial.indexOf('=');
    const option = eq > 0 && partial.startsWith('--') ? findOption(command, partial.slice(0, eq)) : undefined;
    if (option?.takesValue) {
      return { ...base, partial: partial.slice(eq + 1), insertPrefix: partial.slice(0, eq + 1), slot: { type: 'value', value: option.value } };
    }
    if (eq < 0) return { ...base, slot: { type: 'options' } };
    return { ...base, slot: { type: 'value', value: FREE } };
  }
  if (command.commands.length > 0 && operands === 0) return { ...base, slot: { type: 'subcommands' } };
  return { ...base, slot: { type: 'value', value: argAt(command, operands)?.value ?? FREE } };
}

/** Candidates known without any lookup, filtered by what was typed. Dynamic and file slots give none. */
export function staticCandidates(resolution: Resolution): Candidate[] {
  const { slot, command, partial, insertPrefix } = resolution;
  let all: Candidate[] = [];
  if (slot.type === 'subcommands') all = command.commands.map((c) => ({ value: c.name, description: c.summary }));
  else if (slot.type === 'options') all = command.options.flatMap((o) => o.names.map((n) => ({ value: n, description: o.description })));
  else if (slot.value.type === 'enum') all = slot.value.values.map((v) => ({ value: v }));
  return all.filter((c) => c.value.startsWith(partial)).map((c) => ({ ...c, value: insertPrefix + c.value }));
}

function longName(option: OptionSpec): string {
  return (option.names.find((n) => n.startsWith('--')) ?? option.names[0]!).replace(/^-+/, '');
}
