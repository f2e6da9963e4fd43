import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { completionScript, type Shell } from '../../completion/scripts.js';

export async function run(ctx: Context, _opts: unknown, shell: Shell): Promise<void> {
  let root: Command = ctx.command;
  while (root.parent) root = root.parent;
  ctx.io.out(completionScript(shell, root));
}
