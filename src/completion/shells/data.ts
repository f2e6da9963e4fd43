// What every script generator needs from the tree, flattened: one entry per
// command path (aliases expanded), the options that take a value, and the
// value kind of each option and argument slot.
import { allCommands, type CommandSpec, type ValueKind } from '../model.js';

export interface PathEntry {
  /** Canonical path, space-separated ('' for the root). */
  key: string;
  command: CommandSpec;
}

export function pathEntries(root: CommandSpec): PathEntry[] {
  return allCommands(root).map((command) => ({ key: command.path.join(' '), command }));
}

/** Shell-neutral encoding of a value kind: `w:a b c`, `f`, `d`, `@task`, or '' (free text). */
export function kindCode(value: ValueKind): string {
  switch (value.type) {
    case 'enum':
      return `w:${value.values.join(' ')}`;
    case 'file':
      return 'f';
    case 'dir':
      return 'd';
    case 'dynamic':
      return `@${value.resource}`;
    default:
      return '';
  }
}

/** Options of `command` that are declared on it (not inherited from the program). */
export function ownOptions(command: CommandSpec) {
  return command.path.length === 0 ? command.options : command.options.filter((o) => !o.global);
}

/** Single-quoted for any POSIX-like shell (and fish, which has the same rule for ' inside '...'). */
export function shq(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function fishq(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export const HEADER = (shell: string) =>
  `# ${shell} completion for qarnot. Generated from the command tree by scripts/generate-completions.mjs\n# (or "qarnot completion ${shell}"): do not edit by hand.\n`;

/**
 * The lookups bash and zsh share, as shell functions: which command a word names under a
 * path (`__qarnot_sub`), and which kind of value an option or an operand takes
 * (`__qarnot_optkind`, `__qarnot_argkind`). `pattern` writes a case pattern in the
 * shell's syntax: `p)` for bash, `(p)` for zsh.
 */
export function caseLookups(entries: PathEntry[], pattern: (p: string) => string): string {
  const line = (p: string, reply: string) => `    ${pattern(p)} REPLY=${shq(reply)} ;;`;
  const subs = entries.flatMap(({ key, command }) =>
    command.commands.flatMap((c) => [c.name, ...c.aliases].map((n) => line(shq(`${key}|${n}`), c.name))),
  );
  // The program's own options come last: `*|--profile` must not shadow a command's --profile.
  const specific: string[] = [];
  const globals: string[] = [];
  for (const { key, command } of entries) {
    for (const o of ownOptions(command).filter((o) => o.takesValue && kindCode(o.value))) {
      const patterns = o.names.map((n) => (key === '' ? `*${shq(`|${n}`)}` : shq(`${key}|${n}`)));
      (key === '' ? globals : specific).push(line(patterns.join('|'), kindCode(o.value)));
    }
  }
  const argKinds = entries.flatMap(({ key, command }) =>
    command.args.flatMap((a, i) => {
      const code = kindCode(a.value);
      return code ? [line(a.variadic ? `${shq(`${key}|`)}*` : shq(`${key}|${i}`), code)] : [];
    }),
  );
  return `__qarnot_sub() {
  case "$1|$2" in
${subs.join('\n')}
    ${pattern('*')} return 1 ;;
  esac
}

__qarnot_optkind() {
  REPLY=''
  case "$1|$2" in
${[...specific, ...globals].join('\n')}
  esac
}

__qarnot_argkind() {
  REPLY=''
  case "$1|$2" in
${argKinds.join('\n')}
  esac
}`;
}
