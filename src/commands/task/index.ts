import type { Command } from 'commander';
import { TASK_STATES } from '../../api/tasks.js';
import { addListOptions, noun, verb } from '../define.js';

export const TASK_SORT_FIELDS = ['creationDate', 'name', 'state', 'executionTime'] as const;

export function registerTask(program: Command): void {
  const task = noun(program, 'task', 'Create, watch and manage tasks', ['qarnot task list', 'qarnot task show my-task']);

  addListOptions(
    verb(task, 'list', {
      summary: 'List tasks, newest first (50 by default; --all for every page)',
      examples: [
        'qarnot task list',
        'qarnot task list --state Failure --tag render --limit 10',
        'qarnot task list --all --format jsonl',
        "qarnot task list --where \"state = Success and created > -1d\" -q",
      ],
      load: () => import('./list.js'),
    }).alias('ls'),
    { states: TASK_STATES, sortFields: TASK_SORT_FIELDS, summary: true },
  );

  verb(task, 'show <id>', {
    summary: 'Show one task (uuid or shortname)',
    examples: ['qarnot task show my-task', 'qarnot task show 7b3c0e1e-0000-4000-8000-000000000000 --json', 'qarnot task show my-task --fields state,status.succeededRange'],
    load: () => import('./show.js'),
  }).alias('get');
}
