// Option declarations of the task verbs. Kept light: index.ts imports this at
// start-up, so nothing here parses or talks to the API.
import type { Command } from 'commander';
import { collect } from '../define.js';
import { addApiFieldOptions } from '../shared/api-options.js';
import { addAllowUnknownFields, addHardwareOptions, addLifetimeOptions, addMetadataOptions, addRetryOptions, addSchedulingOptions } from '../shared/body-options.js';

export type TaskBodyKind = 'create' | 'clone' | 'rerun';

/**
 * The fields of a task body as flags. `create` (and `run`) take them all;
 * `clone` cannot move the task to a pool; retry/recover/resume keep the
 * source's instance set and pool.
 */
export function addTaskBodyOptions(cmd: Command, kind: TaskBodyKind): Command {
  cmd.option('--name <name>', kind === 'create' ? 'task name (required unless in the file)' : 'new name').option('--shortname <shortname>', 'unique shortname (letters, digits, "-")');
  // After the verb, --profile is the task's profile; before "task" it still picks a stored config profile.
  cmd.option('--profile <profile>', 'Qarnot profile to run (e.g. docker-batch); not with --pool. Before "task", --profile picks a stored config profile');
  if (kind === 'create') cmd.option('--pool <id>', 'run in this pool (uuid or shortname); not with --profile');
  cmd.option('--job <id>', 'add the task to this job (uuid or shortname)');
  if (kind !== 'rerun') {
    cmd.option('-n, --instances <n>', 'number of instances (default 1)').option('--range <ranges>', 'instance ids instead of a count, e.g. 0-3,7');
  }
  addMetadataOptions(cmd);
  cmd
    .option('--resources <bucket>', 'resource bucket, or BUCKET/PREFIX/ for a prefix only (repeatable)', collect)
    .option('--result <bucket>', 'bucket where results are uploaded');
  if (kind === 'create') {
    cmd
      .option('--input <dir[=bucket[/prefix]]>', 'sync DIR up (default bucket: <name>-input, prefix: DIR\'s name) and attach it: its files land in the working directory (repeatable)', collect)
      .option('--output <dir[=bucket[/prefix]]>', 'results to this bucket (default: <name>-output); "task run" downloads them into DIR at the end');
  }
  addHardwareOptions(cmd);
  addRetryOptions(cmd);
  cmd.option('--depends-on <id>', 'start only after this task (uuid or shortname; repeatable; the job needs dependencies on)', collect);
  addSchedulingOptions(cmd);
  cmd
    .option('--snapshot-whitelist <regex>', 'files included in snapshots')
    .option('--snapshot-blacklist <regex>', 'files excluded from snapshots')
    .option('--snapshot-bucket <bucket>', 'bucket for snapshots (default: the result bucket)')
    .option('--snapshot-bucket-prefix <prefix>', 'prefix of snapshot files in their bucket')
    .option('--results-whitelist <regex>', 'files included in the results')
    .option('--results-blacklist <regex>', 'files excluded from the results')
    .option('--results-bucket <bucket>', 'bucket for the results (overrides --result)')
    .option('--results-bucket-prefix <prefix>', 'prefix of result files in their bucket')
    .option('--wait-for-pool-resources', "wait until the pool's resources are synchronized before starting")
    .option('--upload-results-on-cancellation', 'upload results even when the task is cancelled');
  addLifetimeOptions(cmd);
  addApiFieldOptions(cmd, 'task');
  return cmd.option('--dry-run', 'print the request body (JSON) and send nothing');
}

/** -f: only `task create` takes an array (one bulk request); the others one object. */
export function addFileOption(cmd: Command, takes: 'array' | 'object'): Command {
  const what = takes === 'array' ? "task body, or an array of them sent in one request, in the API's field names" : "task body (one object) in the API's field names";
  return addAllowUnknownFields(cmd.option('-f, --file <file>', `${what}, JSON or YAML (- for stdin); flags override its fields`));
}

export function addFollowOptions(cmd: Command): Command {
  return cmd.option('--timestamps', 'prefix each line with the time it was received');
}
