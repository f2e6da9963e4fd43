// The options of `task stdout|stderr` and `pool stdout|stderr`, declared once
// so that both nouns read their output the same way.
import type { Command } from 'commander';

export type OutputOwner = 'task' | 'pool';

export function freshCursorNote(owner: OutputOwner): string {
  return `--fresh reads only what was written since the previous fresh read. That
"previous read" is a cursor kept on the server and shared with every other
reader of the ${owner} (other terminals, scripts, the SDKs): a fresh read steals
those lines from them. -f does not use it: it re-reads the whole buffer and
prints only what it has not printed yet, so it disturbs nobody and loses
nothing when a request fails.`;
}

export function addOutputOptions(cmd: Command, owner: OutputOwner): Command {
  const end = owner === 'task' ? 'the task ends; exit with its outcome' : 'the pool is closed';
  return cmd
    .option('--instance <n>', 'only this instance (no prefix)')
    .option('--fresh', 'only what was written since the previous fresh read (moves a cursor shared with other readers)')
    .option('-f, --follow', `keep printing new output until ${end}`)
    .option('--timestamps', 'with -f: prefix each line with the time it was received')
    .option('--timeout <duration>', 'with -f: stop following after this long (exit 124)');
}
