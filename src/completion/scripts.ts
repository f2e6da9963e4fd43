import type { Command } from 'commander';
import { bashScript } from './shells/bash.js';
import { fishScript } from './shells/fish.js';
import { zshScript } from './shells/zsh.js';
import { describeTree } from './tree.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** The completion script of a shell for this command tree (deterministic: it is committed). */
export function completionScript(shell: Shell, program: Command): string {
  const tree = describeTree(program);
  return { bash: bashScript, zsh: zshScript, fish: fishScript }[shell](tree);
}
