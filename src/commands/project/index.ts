import type { Command } from 'commander';
import { defineVerb, noun } from '../define.js';
import { TOP_LEVEL } from '../catalog.js';

export function registerProject(program: Command): void {
  noun(program, {
    name: 'project',
    summary: TOP_LEVEL.project,
    examples: ['qarnot project list', 'qarnot project budgets default --active'],
    verbs: [
      defineVerb({
        name: 'list',
        aliases: ['ls'],
        summary: "List your organization's projects",
        examples: ['qarnot project list', 'qarnot project list --json'],
        load: () => import('./list.js'),
      }),
      defineVerb({
        name: 'show <project>',
        aliases: ['get'],
        summary: 'Show one project (uuid, slug or name)',
        examples: ['qarnot project show default', 'qarnot project show research --json'],
        load: () => import('./show.js'),
      }),
      defineVerb({
        name: 'budgets <project>',
        summary: "List a project's budgets: consumed, total and remaining, policy on overrun, dates",
        examples: ['qarnot project budgets default', 'qarnot project budgets research --active --json'],
        options: (cmd) => cmd.option('--active', 'only the budgets in force now (not archived, not expired)'),
        load: () => import('./budgets.js'),
      }),
    ],
  });
}
