import { Help, type Command, type Option } from 'commander';
import { argumentValue, optionValue } from './infer.js';
import { TOPICS } from '../commands/help/topics.js';
import type { CommandSpec, OptionSpec, ValueKind } from './model.js';

/** Commander keeps `hidden` private; completion must skip hidden commands like `__complete`. */
function isHidden(command: Command): boolean {
  return (command as unknown as { _hidden?: boolean })._hidden === true;
}

/**
 * Reads the live commander tree: every visible command with its options
 * (globals inherited, as commander parses program options anywhere on the line),
 * arguments and the values each of them takes.
 */
export function describeTree(program: Command): CommandSpec {
  const help = new Help();
  let globalOptions: OptionSpec[] | undefined;
  const globals = () =>
    (globalOptions ??= help
      .visibleOptions(program)
      .filter((o) => o.long !== '--help' && o.long !== '--version')
      .map((o) => describeOption([], o, true)));
  // Options and subcommands are read on first use: `__complete` walks one branch
  // of the tree on every TAB, the script generators walk all of it.
  const walk = (command: Command, path: string[]): CommandSpec => {
    let options: CommandSpec['options'] | undefined;
    let commands: CommandSpec['commands'] | undefined;
    return {
      name: command.name(),
      aliases: command.aliases(),
      summary: oneLine(command.summary() || command.description()),
      path,
      get options() {
        if (!options) {
          const own = help.visibleOptions(command).map((o) => describeOption(path, o, path.length === 0));
          const ownNames = new Set(own.flatMap((o) => o.names));
          // A command's own option shadows a global one with the same spelling.
          const inherited = path.length === 0 ? [] : globals().filter((g) => !g.names.some((n) => ownNames.has(n)));
          options = [...own, ...inherited];
        }
        return options;
      },
      args: command.registeredArguments.map((a) => ({
        name: a.name(),
        variadic: a.variadic,
        value: path.length === 1 && path[0] === 'help' ? helpTopics(program) : argumentValue(path, a.name(), a.argChoices),
      })),
      get commands() {
        commands ??= command.commands.filter((c) => !isHidden(c)).map((c) => walk(c, [...path, c.name()]));
        return commands;
      },
    };
  };
  return walk(program, []);
}

/** `qarnot help <TAB>`: the commands and the help topics. */
function helpTopics(program: Command): ValueKind {
  const commands = program.commands.filter((c) => !isHidden(c) && c.name() !== 'help').map((c) => c.name());
  return { type: 'enum', values: [...commands, ...Object.keys(TOPICS)] };
}

function describeOption(path: string[], option: Option, global: boolean): OptionSpec {
  const names = [option.short, option.long].filter((n): n is string => Boolean(n));
  const placeholder = /[<[]([^>\]]+?)(?:\.\.\.)?[>\]]/.exec(option.flags)?.[1];
  // An optional value (`--x [v]`) is left as a flag when walking: it only takes a word that is given with `=`.
  const takesValue = option.required;
  return {
    names,
    description: oneLine(option.description),
    takesValue,
    global,
    value: takesValue || option.optional
      ? optionValue(path, {
          long: option.long,
          short: option.short,
          placeholder,
          description: option.description,
          choices: option.argChoices,
          global,
        })
      : { type: 'free' },
  };
}

function oneLine(text: string): string {
  return text.split('\n')[0]!.trim();
}
