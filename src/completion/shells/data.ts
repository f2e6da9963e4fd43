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
