import type { Command } from 'commander';
import { TASK } from '../../resources/task.js';
import { addConfirmOptions, addListOptions, addSelectorOptions, collect, defineVerb, noun, type Verb } from '../define.js';
import { searchVerb } from '../search/index.js';
import { addOutputOptions, freshCursorNote } from '../shared/output-options.js';
import { addFileOption, addFollowOptions, addTaskBodyOptions } from './options.js';
import { TOP_LEVEL } from '../catalog.js';
import { usageVerbs } from '../shared/usage-verbs.js';

const RERUN_INSTANCES = {
  retry: 'its failed instances',
  recover: 'its failed and cancelled instances',
  resume: 'its cancelled instances',
} as const;

const RERUN_LOADERS = {
  retry: () => import('./retry.js'),
  recover: () => import('./recover.js'),
  resume: () => import('./resume.js'),
};

const list = defineVerb({
  name: 'list',
  aliases: ['ls'],
  summary: 'List tasks, newest first (50 by default; --all for every page)',
  examples: [
    'qarnot task list',
    'qarnot task list --state Failure --tag render --limit 10',
    'qarnot task list --all --format jsonl',
    'qarnot task list --all --summary --format tsv',
    "qarnot task list --where \"state = Success and created > -1d\" -q",
  ],
  options: (cmd) => addListOptions(cmd, { states: TASK.states, sortFields: TASK.sortFields, summary: true }),
  load: () => import('./list.js'),
});

const show = defineVerb({
  name: 'show <id>',
  aliases: ['get'],
  summary: 'Show one task (uuid or shortname)',
  examples: ['qarnot task show my-task', 'qarnot task show 7b3c0e1e-0000-4000-8000-000000000000 --json', 'qarnot task show my-task --fields state,status.succeededRange'],
  load: () => import('./show.js'),
});

const create = defineVerb({
  name: 'create',
  summary: 'Create a task (or many, from a file holding an array); prints the new uuid',
  description: `Create a task from flags, or from -f FILE in the API's own field names (JSON or
YAML; - for stdin) with flags overriding the file's fields (constants and
labels merge by key). A file holding an array submits every task in one bulk
request: the uuid of each created task is printed on stdout, each failure on
stderr with its item index, and the exit code is 1 if any failed.`,
  examples: [
    "qarnot task create --name hello --profile docker-batch -n 4 -c DOCKER_CMD='echo hi from $INSTANCE_ID'",
    'qarnot task create -f task.yaml --tag nightly',
    'qarnot task create -f tasks.json',
    'qarnot task create --name big --profile docker-batch --range 0-3,7 --min-cores 16 --min-ram 32G --no-gpu --dry-run',
    'qarnot task create --name web --profile docker-batch --forward 8080:http --ssh-key ~/.ssh/id_ed25519.pub --secret db/password --project research',
    'qarnot task create --name report --profile docker-batch --after render:success --after cleanup:failure,cancelled --max-queue-time 1h',
  ],
  writes: true,
  options: (cmd) => addFileOption(addTaskBodyOptions(cmd, 'create'), 'array'),
  load: () => import('./create.js'),
});

const run = defineVerb({
  name: 'run',
  summary: 'Create a task, stream its output and exit with its outcome (0 Success, 1 Failure or Cancelled)',
  description: `Create a task (same flags and file as "task create"), then stream its stdout
and stderr as they arrive (stdout lines on stdout, stderr lines on stderr,
each with its "N> " instance prefix) until it ends; until its output starts,
its state is shown on stderr (-q: not). Exit 0 if it succeeded,
1 if it failed or was cancelled, 124 after --timeout, 130 on Ctrl-C (in
both cases the task keeps running: "qarnot task abort ID" stops it).
--detach prints the uuid and returns.`,
  examples: [
    "qarnot task run --name hello --profile docker-batch -n 3 -c DOCKER_CMD='echo hello from $INSTANCE_ID'",
    'qarnot task run -f task.yaml --timestamps',
    'qarnot task run -f task.yaml --detach',
  ],
  writes: true,
  longRunning: true,
  options: (cmd) =>
    addFollowOptions(addFileOption(addTaskBodyOptions(cmd, 'create'), 'object'))
      .option('-d, --detach', 'return right after creating (prints the uuid)')
      .option('--timeout <duration>', 'stop following after this long (exit 124; the task keeps running)'),
  load: () => import('./run.js'),
});

const clone = defineVerb({
  name: 'clone <ids...>',
  summary: 'Create a copy of tasks, with fields overridden by flags; prints each new uuid',
  examples: ['qarnot task clone my-task', 'qarnot task clone my-task --name again -n 8 -c DOCKER_CMD=./v2.sh'],
  writes: true,
  options: (cmd) => addFileOption(addTaskBodyOptions(cmd, 'clone'), 'object'),
  load: () => import('./clone.js'),
});

const reruns = (['retry', 'recover', 'resume'] as const).map((kind) =>
  defineVerb({
    name: `${kind} <ids...>`,
    summary: `Run ${RERUN_INSTANCES[kind]} again as a new task; prints the new uuid`,
    description: `Create a new task that runs ${RERUN_INSTANCES[kind]} of each given task
again, with its other fields overridden by flags (the instance set and pool
come from the source). Prints each new task's uuid, one per line, in order.${
      kind === 'recover' ? `
This is what the deprecated POST /tasks/{uuid}/restart did: use recover (or clone).` : ''
    }`,
    examples: [`qarnot task ${kind} my-task`, `qarnot task ${kind} my-task --name ${kind}-1 -c DOCKER_CMD=./fixed.sh`],
    writes: true,
    options: (cmd: Command) => addFileOption(addTaskBodyOptions(cmd, 'rerun'), 'object'),
    load: RERUN_LOADERS[kind],
  }),
);

const abort = defineVerb({
  name: 'abort [ids...]',
  aliases: ['cancel'],
  summary: 'Abort tasks (by id or selector; asks first)',
  description: `Abort tasks. Give ids, or select tasks with --tag, --name, --name-like,
--where or --all: a selector picks only tasks that have not ended (give --state
to pick others); nothing is selected by default. On a terminal the tasks are
listed and you are asked; elsewhere --yes is required. --dry-run only lists them.`,
  examples: ['qarnot task abort my-task', 'qarnot task abort --tag nightly --yes', 'qarnot task abort --name-like "render-*" --dry-run'],
  writes: true,
  options: (cmd) => addConfirmOptions(addSelectorOptions(cmd, TASK.states, 'tasks'), 'abort'),
  load: () => import('./abort.js'),
});

const remove = defineVerb({
  name: 'delete [ids...]',
  aliases: ['rm'],
  summary: 'Delete tasks, aborting them if needed (by id or selector; asks first)',
  description: `Delete tasks, aborting the running ones first. Give ids, or select tasks with
--tag, --state, --name, --name-like, --where or --all: nothing is selected by
default. On a terminal the tasks are listed and you are asked; elsewhere
--yes is required. --dry-run only lists them.`,
  examples: ['qarnot task delete my-task --yes', 'qarnot task delete --state Success --created-before -7d --dry-run', 'qarnot task delete --tag tmp --yes', 'qarnot task delete my-task --purge --yes'],
  writes: true,
  options: (cmd) =>
    addConfirmOptions(addSelectorOptions(cmd, TASK.states, 'tasks'), 'delete').option('--purge', 'also delete their resource and result buckets'),
  load: () => import('./delete.js'),
});

const update = defineVerb({
  name: 'update <id>',
  summary: "Change a running task's constants or tags (merged with the current ones)",
  description: `Change the constants and tags of a running task. By default the given
constants are merged into the current ones (same KEY: replaced) and the
given tags are added; --untag removes tags; --replace sends only what is given.`,
  examples: ['qarnot task update my-task -c FRAMES=1-100', 'qarnot task update my-task --tag urgent --untag low', 'qarnot task update my-task --replace -c A=1 --tag only'],
  writes: true,
  options: (cmd) =>
    cmd
      .option('-c, --constant <KEY=VALUE>', 'set this constant (repeatable)', collect)
      .option('--tag <tag>', 'add this tag (repeatable)', collect)
      .option('--untag <tag>', 'remove this tag (repeatable)', collect)
      .option('--replace', 'replace all constants (if any -c) and all tags (if any --tag) instead of merging')
      .option('--dry-run', 'print the request body and send nothing'),
  load: () => import('./update.js'),
});

const sync = defineVerb({
  name: 'sync <id>',
  summary: "Copy the task's resource buckets again to its running instances",
  examples: ['qarnot task sync my-task'],
  writes: true,
  load: () => import('./sync.js'),
});

const snapshot = defineVerb({
  name: 'snapshot <id>',
  summary: "Upload a snapshot of a running task's files now (prints its id), or every N seconds with --every",
  examples: ['qarnot task snapshot my-task --wait', 'qarnot task snapshot my-task --every 300 --whitelist ".*\\.log"', 'qarnot task snapshot my-task --every 0'],
  writes: true,
  longRunning: true,
  options: (cmd) =>
    cmd
      .option('--every <seconds>', 'periodic snapshots every N seconds (0 stops them)')
      .option('--whitelist <regex>', 'files to include')
      .option('--blacklist <regex>', 'files to exclude')
      .option('--bucket <bucket>', 'bucket to upload to')
      .option('--prefix <prefix>', 'prefix of the files in the bucket')
      .option('--wait', 'wait until the snapshot succeeded or failed (exit 1 on failure)')
      .option('--timeout <duration>', 'with --wait: give up after this long (exit 124)'),
  load: () => import('./snapshot.js'),
});

const results = defineVerb({
  name: 'results <id> [dir]',
  summary: "Download a task's results (its result bucket and prefix) into DIR (default: the current directory)",
  description: `Download what a task uploaded to its result bucket (and prefix) into DIR.
Only files that differ are transferred, so it can run mid-task after a
snapshot ("task snapshot ID --wait && task results ID out/") and again at
the end.`,
  examples: ['qarnot task results my-task ./results', 'qarnot task results my-task'],
  load: () => import('./results.js'),
});

const outputs = (['stdout', 'stderr'] as const).map((stream) =>
  defineVerb({
    name: `${stream} <id>`,
    summary: `Print a task's ${stream}: the whole buffer, only what is new (--fresh), or live (-f)`,
    description: `Print a task's ${stream}. Without options: the whole buffer the API keeps
(it rotates past a size limit). With -f: keep printing new lines as they
arrive until the task ends (its state on stderr until they start), then
exit 0 on Success, 1 on Failure or Cancelled. Lines keep their "N> " instance prefix (coloured per instance on a
terminal).

${freshCursorNote('task')}`,
    examples: [`qarnot task ${stream} my-task`, `qarnot task ${stream} my-task -f --timestamps`, `qarnot task ${stream} my-task --instance 2 --fresh`, ...(stream === 'stdout' ? ['qarnot task stdout my-task -f --both'] : [])],
    longRunning: true,
    options: (cmd: Command) =>
      addOutputOptions(cmd, 'task').option('--both', 'with -f: follow stdout and stderr together (stderr lines on stderr)'),
    load: stream === 'stdout' ? () => import('./stdout.js') : () => import('./stderr.js'),
  }),
);

const wait = defineVerb({
  name: 'wait [ids...]',
  summary: 'Wait until tasks end; exit 0 if all succeeded, 1 if any failed or was cancelled, 124 on timeout',
  description: `Wait until the given (or selected) tasks reach Success, Failure or Cancelled.
On a terminal a spinner shows each task's state, progress, instances and
elapsed time; otherwise one line per state change goes to stderr. When all
have ended, their uuids and final states are printed on stdout.
Exit codes: 0 all succeeded, 1 any failed or was cancelled (or only some
were not found), 3 not found (or a selector matched no task), 124 --timeout
passed, 130 Ctrl-C.`,
  examples: ['qarnot task wait my-task', 'qarnot task wait --tag nightly --timeout 2h', 'qarnot task wait task-a task-b --interval 10s'],
  longRunning: true,
  options: (cmd) =>
    addSelectorOptions(cmd, TASK.states, 'tasks')
      .option('--timeout <duration>', 'give up after this long (exit 124), e.g. 30m')
      .option('--interval <duration>', 'time between polls (default 5s)'),
  load: () => import('./wait.js'),
});

const forwards = defineVerb({
  name: 'forwards <id>',
  summary: "List the open ports of a task's running instances and where to reach them",
  description: `List the inbound ports (--forward, --ssh-key at creation) of each running instance
of a task, with the host:port that reaches them. Empty until an instance runs.`,
  examples: ['qarnot task forwards my-task', 'qarnot task forwards my-task --json'],
  load: () => import('./forwards.js'),
});

const ssh = defineVerb({
  name: 'ssh <id> [ssh-args...]',
  summary: 'Open an SSH session into a running instance of a task (waits until it runs)',
  description: `Wait until an instance of the task runs with its SSH port forwarded (create the
task with --ssh-key FILE, which opens port 22), then run
"ssh -p PORT [SSH-ARGS] USER@HOST" on the forward. Arguments after "--" go to
ssh. --print shows the command instead of running it. QARNOT_SSH names
another ssh program. Exit status: ssh's own.`,
  examples: ['qarnot task ssh my-task', 'qarnot task ssh my-task --instance 2 -- -i ~/.ssh/qarnot -L 8888:localhost:8888', 'qarnot task ssh my-task --print'],
  longRunning: true,
  options: (cmd) =>
    cmd
      .option('--instance <n>', 'this instance (default: the first one with the port forwarded)')
      .option('--user <user>', 'user to log in as (default root)')
      .option('--port <port>', 'application port of the SSH server in the instance (default 22)')
      .option('--timeout <duration>', 'give up waiting for the instance after this long (default 10m; exit 124)')
      .option('--print', 'print the ssh command line instead of running it'),
  load: () => import('./ssh.js'),
});

const VERBS: Verb[] = [list, show, create, run, clone, ...reruns, abort, remove, update, sync, snapshot, results, ...outputs, wait, forwards, ssh, ...usageVerbs('task'), searchVerb(TASK)];

export function registerTask(program: Command): Command {
  return noun(program, {
    name: 'task',
    summary: TOP_LEVEL.task,
    examples: [
      'qarnot task list',
      'qarnot task show my-task',
      "qarnot task run --name hello --profile docker-batch -n 3 -c DOCKER_CMD='echo hello from $INSTANCE_ID'",
    ],
    verbs: VERBS,
  });
}
