import type { Command } from 'commander';

/** Shell completion (bash, zsh, fish): declared in this folder. */
export function registerCompletion(_program: Command): void {}
