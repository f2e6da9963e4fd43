import { getTask } from '../../api/tasks.js';
import type { Context } from '../../context.js';
import { CliError, SilentExit, UsageError } from '../../errors.js';
import { parseUuidOrShortname } from '../../lib/parse.js';
import { downloadResults } from './data.js';

/**
 * A task's results (result bucket and prefix) into DIR: only what differs moves,
 * so it can be run mid-task after a snapshot, and again at the end.
 */
export async function run(ctx: Context, _opts: unknown, id: string, dir = '.'): Promise<void> {
  parseUuidOrShortname('ID', id);
  if (dir === '-') throw new UsageError('DIR: results go into a directory, not to stdout; "qarnot bucket get BUCKET/KEY -" prints one file');
  const task = await getTask(await ctx.api(), id);
  const bucket = text(task.resultBucket) ?? text(task.resultsBucket);
  if (!bucket) throw new CliError(`task ${task.uuid} has no result bucket (create it with --output or --result)`);
  const prefix = text(task.resultsBucketPrefix) ?? '';
  if ((await downloadResults(ctx, bucket, prefix, dir)) > 0) throw new SilentExit(1);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
