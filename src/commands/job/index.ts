import type { Command } from 'commander';
import { JOB } from '../../resources/job.js';
import { addConfirmOptions, addListOptions, addSelectorOptions, collect, defineVerb, noun } from '../define.js';
import { searchVerb } from '../search/index.js';
import { TOP_LEVEL } from '../catalog.js';

const list = defineVerb({
  name: 'list',
  aliases: ['ls'],
  summary: 'List jobs, newest first (50 by default; --all for every page)',
  examples: ['qarnot job list', 'qarnot job list --state Active -q'],
  options: (cmd) => addListOptions(cmd, { states: JOB.states, sortFields: JOB.sortFields }),
  load: () => import('./list.js'),
});

const show = defineVerb({
  name: 'show <id>',
  aliases: ['get'],
  summary: 'Show one job (uuid or shortname)',
  examples: ['qarnot job show my-job', 'qarnot job show my-job --json'],
  load: () => import('./show.js'),
});

const create = defineVerb({
  name: 'create',
  summary: 'Create a job; prints its uuid',
  description:
    'Create a job: a group of tasks, optionally in a pool, whose tasks may depend on each other (--use-dependencies, then "task create --job J --depends-on T").',
  examples: [
    'qarnot job create --name nightly --shortname nightly-1 --use-dependencies',
    'qarnot job create --name render --pool my-pool --max-wall-time 2h --tag render',
    'qarnot job create --name tmp --auto-delete --ttl 30m --dry-run',
  ],
  writes: true,
  options: (cmd) =>
    cmd
      .option('--name <name>', 'job name (required)')
      .option('--shortname <shortname>', 'unique short name, usable instead of the uuid')
      .option('--pool <pool>', 'run its tasks in this pool (uuid or shortname)')
      .option('--use-dependencies', 'let its tasks depend on one another (--depends-on)')
      .option('--max-wall-time <duration>', 'terminate the job after this long, e.g. 2h, 1d, 10:00:00')
      .option('--tag <tag>', 'tag (repeatable, at most 10)', collect)
      .option('--auto-delete', 'delete automatically once completed (after --ttl)')
      .option('--ttl <duration>', 'time to keep it once completed, e.g. 30m (completionTimeToLive)')
      .option('--dry-run', 'print the request body and send nothing'),
  load: () => import('./create.js'),
});

const terminate = defineVerb({
  name: 'terminate [ids...]',
  summary: 'Terminate jobs: their unfinished tasks are cancelled (asks first)',
  examples: ['qarnot job terminate my-job --yes', 'qarnot job terminate --tag nightly --dry-run'],
  writes: true,
  options: (cmd) => addConfirmOptions(addSelectorOptions(cmd, JOB.states, 'jobs'), 'terminate'),
  load: () => import('./terminate.js'),
});

const remove = defineVerb({
  name: 'delete [ids...]',
  aliases: ['rm'],
  summary: 'Delete jobs; --force also deletes their tasks',
  description:
    'Delete jobs (each exactly as named: a shortname selects that one job). A job that still has tasks is refused by the API unless --force, which deletes its tasks too.',
  examples: ['qarnot job delete my-job --yes', 'qarnot job delete my-job --force --yes', 'qarnot job delete --state Completed --dry-run'],
  writes: true,
  options: (cmd) => addConfirmOptions(addSelectorOptions(cmd, JOB.states, 'jobs'), 'delete').option('--force', 'also delete the tasks of the jobs'),
  load: () => import('./delete.js'),
});

const tasks = defineVerb({
  name: 'tasks <id>',
  summary: 'List the tasks of a job',
  examples: ['qarnot job tasks my-job', 'qarnot job tasks my-job --format jsonl'],
  load: () => import('./tasks.js'),
});

const wait = defineVerb({
  name: 'wait <id>',
  summary: 'Wait until a job is done: Completed, or every one of its tasks finished',
  description:
    'Wait until the job is Completed (terminated, or past its max wall time) or every one of its tasks has finished (a job stays Active until terminated).\n' +
    'Exit codes: 0 every task succeeded, 1 a task failed or was cancelled, 3 not found, 124 --timeout passed.',
  examples: ['qarnot job wait my-job', 'qarnot job wait my-job --timeout 1h'],
  longRunning: true,
  options: (cmd) =>
    cmd.option('--timeout <duration>', 'give up after this long (exit 124)').option('--interval <duration>', 'time between checks (default 2s)'),
  load: () => import('./wait.js'),
});

export function registerJob(program: Command): Command {
  return noun(program, {
    name: 'job',
    summary: TOP_LEVEL.job,
    examples: ['qarnot job list', 'qarnot job tasks my-job'],
    verbs: [list, show, create, terminate, remove, tasks, wait, searchVerb(JOB)],
  });
}
