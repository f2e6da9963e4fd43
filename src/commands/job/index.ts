import type { Command } from 'commander';
import { JOB_STATES } from '../../api/jobs.js';
import { addListOptions, noun, verb } from '../define.js';

export const JOB_SORT_FIELDS = ['creationDate', 'name', 'state'] as const;

export function registerJob(program: Command): void {
  const job = noun(program, 'job', 'Create and manage jobs: groups of tasks with ordering', ['qarnot job list', 'qarnot job tasks my-job']);

  addListOptions(
    verb(job, 'list', {
      summary: 'List jobs (50 by default; --all for every page)',
      examples: ['qarnot job list', 'qarnot job list --state Active -q'],
      load: () => import('./list.js'),
    }).alias('ls'),
    { states: JOB_STATES, sortFields: JOB_SORT_FIELDS },
  );

  verb(job, 'show <id>', {
    summary: 'Show one job (uuid or shortname)',
    examples: ['qarnot job show my-job', 'qarnot job show my-job --json'],
    load: () => import('./show.js'),
  }).alias('get');

  verb(job, 'tasks <id>', {
    summary: 'List the tasks of a job',
    examples: ['qarnot job tasks my-job', 'qarnot job tasks my-job --format jsonl'],
    load: () => import('./tasks.js'),
  });
}
