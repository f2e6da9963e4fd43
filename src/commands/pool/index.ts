import type { Command } from 'commander';
import { POOL } from '../../resources/pool.js';
import { addScalingFlags } from '../../scaling/options.js';
import { addConfirmOptions, addListOptions, addSelectorOptions, addVerbs, collect, defineVerb, noun, type Verb } from '../define.js';
import { searchVerb } from '../search/index.js';
import { addOutputOptions, freshCursorNote } from '../shared/output-options.js';
import { addHardwareOptions, addLifetimeOptions, addMetadataOptions, addRetryOptions, addSchedulingOptions } from '../shared/body-options.js';
import { addElasticOptions, addPoolFileOption } from './options.js';
import { addApiFieldOptions } from '../shared/api-options.js';
import { usageVerbs } from '../shared/usage-verbs.js';
import { TOP_LEVEL } from '../catalog.js';

/** Everything a pool body can be built from; `create` and `clone` share them. */
function addPoolBodyOptions(cmd: Command): Command {
  cmd
    .option('--name <name>', 'pool name')
    .option('--shortname <shortname>', 'unique short name, usable instead of the uuid')
    .option('--profile <profile>', 'execution profile, e.g. docker-batch')
    .option('-n, --instances <n>', 'number of instances (slots) of the pool');
  addMetadataOptions(cmd);
  cmd.option('--resources <bucket[/prefix]>', 'resource bucket, optionally filtered on a prefix (repeatable)', collect);
  addHardwareOptions(cmd);
  addElasticOptions(cmd);
  cmd.option('--scaling <file>', 'scaling policies from a JSON or YAML file (see "qarnot pool scaling set")');
  addScalingFlags(cmd, { withName: false });
  cmd
    .option('--preparation-command <command>', 'command run on each node before tasks (preparationTask)')
    .option('--tasks-wait-for-sync', "tasks of this pool wait for the pool's resources to be synchronized by default");
  addRetryOptions(cmd);
  addSchedulingOptions(cmd);
  addLifetimeOptions(cmd);
  addApiFieldOptions(cmd, 'pool');
  return cmd.option('--dry-run', 'print the request body and send nothing');
}

const list = defineVerb({
  name: 'list',
  aliases: ['ls'],
  summary: 'List pools, newest first (50 by default; --all for every page)',
  examples: ['qarnot pool list', 'qarnot pool list --state FullyExecuting --json', 'qarnot pool list --all --summary -q'],
  options: (cmd) => addListOptions(cmd, { states: POOL.states, sortFields: POOL.sortFields, summary: true }),
  load: () => import('./list.js'),
});

const show = defineVerb({
  name: 'show <id>',
  aliases: ['get'],
  summary: 'Show one pool (uuid or shortname)',
  examples: ['qarnot pool show my-pool', 'qarnot pool show my-pool --json'],
  load: () => import('./show.js'),
});

const create = defineVerb({
  name: 'create',
  summary: 'Create a pool from flags or a JSON/YAML file; prints its uuid',
  description: 'Create a pool from flags, or from -f FILE (JSON or YAML; - for stdin) with flags overriding the file. Prints the new uuid on stdout.',
  examples: [
    'qarnot pool create --name render-farm --profile docker-batch -n 4',
    'qarnot pool create -f pool.yaml --instances 8 --tag nightly',
    'qarnot pool create --name elastic --profile docker-batch --elastic-min-slots 0 --elastic-max-slots 10 --dry-run',
    'qarnot pool create --name dense --profile docker-batch -n 2 --slots-per-node 4 --reservation my-reservation --project research',
    "qarnot pool create --name office-hours --profile docker-batch --managed min=0,max=10 --weekly 'mon-fri 08:00-18:00' --fixed 0 --always",
  ],
  writes: true,
  options: (cmd) => addPoolFileOption(addPoolBodyOptions(cmd), 'pool body'),
  load: () => import('./create.js'),
});

const clone = defineVerb({
  name: 'clone <id>',
  summary: 'Create a copy of a pool, with fields overridden by flags; prints the new uuid',
  examples: ['qarnot pool clone my-pool', 'qarnot pool clone my-pool --name bigger --instances 16 --shortname my-pool-2', 'qarnot pool clone my-pool -f overrides.yaml --no-elastic'],
  writes: true,
  options: (cmd) => addPoolFileOption(addPoolBodyOptions(cmd), 'fields to override'),
  load: () => import('./clone.js'),
});

const close = defineVerb({
  name: 'close [ids...]',
  summary: 'Close pools: their tasks are cancelled and the nodes released (asks first)',
  examples: ['qarnot pool close my-pool --yes', 'qarnot pool close --tag nightly --dry-run'],
  writes: true,
  options: (cmd) => addConfirmOptions(addSelectorOptions(cmd, POOL.states, 'pools'), 'close'),
  load: () => import('./close.js'),
});

const remove = defineVerb({
  name: 'delete [ids...]',
  aliases: ['rm'],
  summary: 'Delete pools (closing them first; asks first)',
  examples: ['qarnot pool delete my-pool --yes', 'qarnot pool delete --state Closed --dry-run', 'qarnot pool delete my-pool --purge --yes'],
  writes: true,
  options: (cmd) => addConfirmOptions(addSelectorOptions(cmd, POOL.states, 'pools'), 'delete').option('--purge', 'also delete their resource buckets'),
  load: () => import('./delete.js'),
});

const update = defineVerb({
  name: 'update <id>',
  summary: "Change a running pool's constants, tags, elastic settings or scaling",
  examples: [
    'qarnot pool update my-pool -c BLEND_FILE=scene2.blend',
    'qarnot pool update my-pool --tag urgent --elastic-max-slots 20',
    'qarnot pool update my-pool --no-elastic',
    'qarnot pool update my-pool -f update.yaml',
    "qarnot pool update my-pool --managed min=0,max=20 --weekly 'mon-fri 08:00-20:00' --fixed 0 --always",
  ],
  writes: true,
  options: (cmd) =>
    addScalingFlags(
      addPoolFileOption(addElasticOptions(cmd), 'constants, tags, elasticProperty, scaling')
        .option('-c, --constant <KEY=VALUE>', 'set this constant, keeping the others (repeatable)', collect)
        .option('--tag <tag>', 'add this tag (repeatable)', collect)
        .option('--untag <tag>', 'remove this tag (repeatable)', collect)
        .option('--scaling <file>', 'replace the scaling policies with those of this JSON or YAML file'),
      { withName: false },
    )
      .option('--dry-run', 'print the request body and send nothing'),
  load: () => import('./update.js'),
});

const sync = defineVerb({
  name: 'sync <id>',
  summary: "Copy the pool's resource buckets again to its running nodes",
  examples: ['qarnot pool sync my-pool'],
  writes: true,
  load: () => import('./sync.js'),
});

const outputs = (['stdout', 'stderr'] as const).map((stream) =>
  defineVerb({
    name: `${stream} <id>`,
    summary: `Print a pool's ${stream}: the whole buffer, only what is new (--fresh), or live (-f)`,
    description: `Print a pool's ${stream} (its tasks' output and its own). Without options: the
whole buffer the API keeps. With -f: keep printing new lines as they arrive
until the pool is closed (its state on stderr until they start).

${freshCursorNote('pool')}`,
    examples: [`qarnot pool ${stream} my-pool`, `qarnot pool ${stream} my-pool --instance 2 -f --timestamps`, `qarnot pool ${stream} my-pool --fresh`],
    longRunning: true,
    options: (cmd: Command) => addOutputOptions(cmd, 'pool'),
    load: () => import('./output.js'),
  }),
);

const tasks = defineVerb({
  name: 'tasks <id>',
  summary: 'List the tasks of a pool',
  examples: ['qarnot pool tasks my-pool', 'qarnot pool tasks my-pool -q'],
  load: () => import('./tasks.js'),
});

const jobs = defineVerb({
  name: 'jobs <id>',
  summary: 'List the jobs of a pool',
  examples: ['qarnot pool jobs my-pool'],
  load: () => import('./jobs.js'),
});

const wait = defineVerb({
  name: 'wait <id>',
  summary: 'Wait until a pool is ready (FullyExecuting) or ended; --state to wait for another state',
  description:
    'Wait until the pool is ready (FullyExecuting) or has ended (Closed, Failure). With --state, wait for those states (or an end).\n' +
    'Exit codes: 0 reached, 1 the pool ended in Failure (or ended before reaching --state), 3 not found, 124 --timeout passed.',
  examples: ['qarnot pool wait my-pool', 'qarnot pool wait my-pool --state Closed --timeout 10m'],
  longRunning: true,
  options: (cmd) =>
    cmd
      .option('--state <state>', `wait for this state (repeatable): ${POOL.states.join(', ')}`, collect)
      .option('--timeout <duration>', 'give up after this long (exit 124)')
      .option('--interval <duration>', 'time between checks (default 2s)'),
  load: () => import('./wait.js'),
});

const scalingGet = defineVerb({
  name: 'get <id>',
  summary: "Show a pool's scaling policies and their periods; the active one is marked",
  examples: ['qarnot pool scaling get my-pool', 'qarnot pool scaling get my-pool --json > scaling.json'],
  load: () => import('./scaling/get.js'),
});

const scalingSet = defineVerb({
  name: 'set <id>',
  summary: "Replace a pool's scaling policies, from -f FILE or from flags",
  description:
    "Replace a pool's scaling policies, from -f FILE (JSON or YAML, as printed by 'scaling get --json') or from flags.\n" +
    'The policies are checked locally first. Exit codes: 0 set, 1 the API refused them, 2 bad input or local problems (nothing sent).\n',
  examples: [
    'qarnot pool scaling set my-pool -f scaling.yaml',
    "qarnot pool scaling set my-pool --managed min=0,max=10,idle=1,idle-time=90,factor=0.5 --weekly 'mon-fri 08:00-18:00' --fixed 0 --always",
    "qarnot pool scaling set my-pool --fixed 2 --name weekend --weekly 'sat,sun' --managed min=0,max=10 --always --dry-run",
  ],
  writes: true,
  options: (cmd) =>
    addScalingFlags(cmd.option('-f, --file <file>', 'policies as JSON or YAML (- for stdin)'), { withName: true }).option('--dry-run', 'print the request body and send nothing'),
  load: () => import('./scaling/set.js'),
});

const scalingCheck = defineVerb({
  name: 'check',
  summary: 'Check scaling policies (file or flags) without a pool: each problem on its own line',
  description:
    "Check scaling policies from -f FILE or flags: the obvious mistakes locally, then the API's sanity check. Each problem is printed on stdout with its path.\n" +
    'Exit codes: 0 valid, 1 problems found, 2 input that cannot be read or parsed (bad flag syntax, unreadable file).\n',
  examples: ['qarnot pool scaling check -f scaling.json', "qarnot pool scaling check --managed min=5,max=2 --weekly 'mon-fri 18:00-08:00'"],
  options: (cmd) => addScalingFlags(cmd.option('-f, --file <file>', 'policies as JSON or YAML (- for stdin)'), { withName: true }),
  load: () => import('./scaling/check.js'),
});

const VERBS: Verb[] = [list, show, create, clone, close, remove, update, sync, ...outputs, tasks, jobs, wait, ...usageVerbs('pool')];

export function registerPool(program: Command): Command {
  const pool = noun(program, { name: 'pool', summary: TOP_LEVEL.pool, examples: ['qarnot pool list', 'qarnot pool show my-pool'], verbs: VERBS });
  noun(pool, {
    name: 'scaling',
    summary: 'Read, set and check the scaling policies of pools',
    examples: ['qarnot pool scaling get my-pool', "qarnot pool scaling set my-pool --fixed 2 --weekly 'sat,sun' --managed min=0,max=10 --always"],
    verbs: [scalingGet, scalingSet, scalingCheck],
  });
  // After scaling, as before: search is the last verb of every resource noun.
  addVerbs(pool, [searchVerb(POOL)]);
  return pool;
}
