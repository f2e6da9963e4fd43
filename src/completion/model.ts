// The command tree as completion sees it: plain data, built once from the
// commander tree (tree.ts) and consumed by the resolver and the script generators.

/** Values completed from the API (or the local config) at TAB time. */
/** `bucket`: bucket names; `bucket-location`: NAME/ then the keys and folders under what is typed. */
export type DynamicResource = 'task' | 'pool' | 'job' | 'exec-profile' | 'config-profile' | 'bucket' | 'bucket-location';

export type ValueKind =
  | { type: 'enum'; values: readonly string[] }
  | { type: 'file' }
  | { type: 'dir' }
  | { type: 'dynamic'; resource: DynamicResource }
  /** Free text: nothing to offer (and no file names either). */
  | { type: 'free' };

export interface OptionSpec {
  /** Every spelling: `--format`, `-f`. */
  names: string[];
  description: string;
  /** Whether the option consumes the next word. */
  takesValue: boolean;
  /** Declared on the program: accepted after any command. */
  global: boolean;
  value: ValueKind;
}

export interface ArgSpec {
  name: string;
  variadic: boolean;
  value: ValueKind;
}

export interface CommandSpec {
  name: string;
  aliases: string[];
  summary: string;
  /** Canonical names from the root, e.g. ['task', 'list']. */
  path: string[];
  /** This command's own options plus the global ones, most specific first. */
  options: OptionSpec[];
  args: ArgSpec[];
  commands: CommandSpec[];
}

export const FREE: ValueKind = { type: 'free' };

/** Every command of the tree, depth first, root included. */
export function allCommands(root: CommandSpec): CommandSpec[] {
  const out: CommandSpec[] = [];
  const walk = (c: CommandSpec) => {
    out.push(c);
    c.commands.forEach(walk);
  };
  walk(root);
  return out;
}

export function findOption(command: CommandSpec, word: string): OptionSpec | undefined {
  return command.options.find((o) => o.names.includes(word));
}

export function findSubcommand(command: CommandSpec, word: string): CommandSpec | undefined {
  return command.commands.find((c) => c.name === word || c.aliases.includes(word));
}

/** The value kind of the n-th operand (0-based); the last argument absorbs the rest when variadic. */
export function argAt(command: CommandSpec, index: number): ArgSpec | undefined {
  const args = command.args;
  if (index < args.length) return args[index];
  const last = args[args.length - 1];
  return last?.variadic ? last : undefined;
}
