import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { parseInteger } from '../../lib/parse.js';
import { checkScaling } from '../../scaling/check.js';
import { scalingFromValue } from '../../scaling/document.js';
import { formatProblem } from '../../scaling/model.js';
import { commonBodyFromFlags, type Body, type BodyFlags } from '../shared/body.js';
import { readStructuredFile } from '../shared/file-input.js';
import { elasticFromFlags, type ElasticFlags } from './elastic.js';

export interface PoolBodyFlags extends BodyFlags, ElasticFlags {
  profile?: string;
  instances?: string;
  scaling?: string;
  preparationCommand?: string;
  tasksWaitForSync?: boolean;
  dryRun?: boolean;
}

/** `--scaling FILE`: read, normalised and checked locally (problems exit 2, nothing sent). */
export async function scalingFromFile(ctx: Context, path: string): Promise<{ policies: unknown[] }> {
  const scaling = scalingFromValue(`--scaling ${path}`, await readStructuredFile('--scaling', path, { stdin: ctx.io.stdin }));
  const problems = checkScaling(scaling);
  if (problems.length) {
    throw new UsageError(`--scaling ${path}: ${problems.map(formatProblem).join('; ')}`);
  }
  return scaling;
}

/** Every pool field a flag can set (PoolCreationInput / PoolCloneInput). */
export async function poolBodyFromFlags(ctx: Context, opts: PoolBodyFlags): Promise<Body> {
  const body = commonBodyFromFlags(opts, { retryKey: 'defaultRetrySettings' });
  if (opts.profile !== undefined) {
    if (opts.profile.trim() === '') throw new UsageError('--profile must not be empty');
    body.profile = opts.profile;
  }
  if (opts.instances !== undefined) body.instanceCount = parseInteger('--instances', opts.instances, { min: 1 });
  const elastic = elasticFromFlags(opts);
  if (elastic) body.elasticProperty = elastic;
  if (opts.preparationCommand !== undefined) {
    if (opts.preparationCommand.trim() === '') throw new UsageError('--preparation-command must not be empty');
    body.preparationTask = { commandLine: opts.preparationCommand };
  }
  if (opts.tasksWaitForSync) body.taskDefaultWaitForPoolResourcesSynchronization = true;
  if (opts.scaling !== undefined) body.scaling = await scalingFromFile(ctx, opts.scaling);
  return body;
}

/** Prints the body instead of sending it. */
export function printDryRun(ctx: Context, body: Body, what: string): void {
  ctx.io.out(`${JSON.stringify(body, null, 2)}\n`);
  ctx.io.err(`Dry run: ${what}; nothing sent\n`);
}
