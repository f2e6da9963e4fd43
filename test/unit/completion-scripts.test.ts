import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/program.js';
import { completionScript, SHELLS } from '../../src/completion/scripts.js';
import { ROOT } from '../helpers/paths.js';

describe('committed completion scripts', () => {
  for (const shell of SHELLS) {
    it(`completions/qarnot.${shell} matches the command tree (run "npm run completions" after changing commands)`, () => {
      const committed = readFileSync(`${ROOT}completions/qarnot.${shell}`, 'utf8');
      expect(committed === completionScript(shell, buildProgram()), `completions/qarnot.${shell} is stale: run "npm run completions"`).toBe(true);
    });
  }

  it('never lists the hidden __complete command', () => {
    // Its summary would appear in the zsh and fish lists of commands.
    for (const shell of SHELLS) expect(completionScript(shell, buildProgram())).not.toContain('Completion candidates');
  });
});
