import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/program.js';
import { completionScript, SHELLS } from '../../src/completion/scripts.js';
import { ROOT } from '../helpers/paths.js';

/** The first line that differs, short enough to read in a test report. */
function firstDifference(committed: string, generated: string): string | undefined {
  if (committed === generated) return undefined;
  const a = committed.split('\n');
  const b = generated.split('\n');
  const i = a.findIndex((line, n) => line !== b[n]);
  const at = i < 0 ? a.length : i;
  return `line ${at + 1}:\n  committed: ${(a[at] ?? '<end of file>').slice(0, 300)}\n  generated: ${(b[at] ?? '<end of file>').slice(0, 300)}`;
}

describe('committed completion scripts', () => {
  for (const shell of SHELLS) {
    it(`completions/qarnot.${shell} matches the command tree (run "npm run completions" after changing commands)`, async () => {
      const committed = readFileSync(`${ROOT}completions/qarnot.${shell}`, 'utf8');
      expect(firstDifference(committed, completionScript(shell, await buildProgram())), `completions/qarnot.${shell} is stale: run "npm run completions"`).toBeUndefined();
    });
  }

  it('never lists the hidden __complete command', async () => {
    // Its summary would appear in the zsh and fish lists of commands.
    const program = await buildProgram();
    for (const shell of SHELLS) expect(completionScript(shell, program)).not.toContain('Completion candidates');
  });
});
