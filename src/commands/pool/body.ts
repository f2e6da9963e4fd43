import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { parseInteger } from '../../lib/parse.js';
import { checkScaling } from '../../scaling/check.js';
import { scalingFromValue } from '../../scaling/document.js';
import { buildScaling, hasScalingSteps, IMPLIED_ALWAYS_NOTE, impliesAlways } from '../../scaling/flags.js';
import { formatProblem } from '../../scaling/model.js';
import type { Step } from '../../scaling/options.js';
import { commonBodyFromFlags, type Body, type BodyFlags } from '../shared/body.js';
import { applyApiFieldFlags, resolveProjectField, type ApiFieldFlags } from '../shared/api-body.js';
import { checkFileFields } from '../shared/file-fields.js';
import { isObject, readStructuredFile } from '../shared/file-input.js';
import { elasticFromFlags, type ElasticFlags } from './elastic.js';

export interface PoolBodyFlags extends BodyFlags, ElasticFlags, ApiFieldFlags {
  profile?: string;
  instances?: string;
  scaling?: string;
  scalingSteps?: Step[];
  preparationCommand?: string;
  tasksWaitForSync?: boolean;
  dryRun?: boolean;
}

/**
 * The scaling policies of a create, clone or update: from `--scaling FILE`, or from the
 * ordered --fixed/--managed/--always/--weekly flags (as `pool scaling set` takes them);
 * undefined when neither is given. Checked locally: problems exit 2, nothing sent.
 */
export async function scalingFromOptions(ctx: Context, opts: { scaling?: string; scalingSteps?: Step[]; dryRun?: boolean }): Promise<{ policies: unknown[] } | undefined> {
  const fromFlags = hasScalingSteps(opts.scalingSteps);
  if (opts.scaling !== undefined && fromFlags) {
    throw new UsageError('give the scaling policies either with --scaling FILE or with --fixed/--managed flags, not both');
  }
  let where: string;
  let scaling: { policies: unknown[] };
  if (opts.scaling !== undefined) {
    where = `--scaling ${opts.scaling}`;
    scaling = scalingFromValue(where, await readStructuredFile('--scaling', opts.scaling, { stdin: ctx.io.stdin }));
  } else if (fromFlags) {
    where = 'scaling flags';
    scaling = buildScaling(opts.scalingSteps!);
    if (opts.dryRun && impliesAlways(opts.scalingSteps)) ctx.io.err(IMPLIED_ALWAYS_NOTE);
  } else {
    return undefined;
  }
  const problems = checkScaling(scaling);
  if (problems.length) throw new UsageError(`${where}: ${problems.map(formatProblem).join('; ')}`);
  return scaling;
}

/**
 * Every pool field a flag can set (PoolCreationInput / PoolCloneInput). The --elastic-*
 * flags change `elasticBase` (the -f file's, or the cloned pool's) rather than replace it.
 */
export async function poolBodyFromFlags(ctx: Context, opts: PoolBodyFlags, elasticBase?: { value: unknown; name: string }): Promise<Body> {
  const body = commonBodyFromFlags(opts, { retryKey: 'defaultRetrySettings' });
  if (opts.profile !== undefined) {
    if (opts.profile.trim() === '') throw new UsageError('--profile must not be empty');
    body.profile = opts.profile;
  }
  if (opts.instances !== undefined) body.instanceCount = parseInteger('--instances', opts.instances, { min: 1 });
  const elastic = isObject(elasticBase?.value) ? elasticFromFlags(opts, elasticBase.value, elasticBase.name) : elasticFromFlags(opts);
  if (elastic) body.elasticProperty = elastic;
  if (opts.preparationCommand !== undefined) {
    if (opts.preparationCommand.trim() === '') throw new UsageError('--preparation-command must not be empty');
    body.preparationTask = { commandLine: opts.preparationCommand };
  }
  if (opts.tasksWaitForSync) body.taskDefaultWaitForPoolResourcesSynchronization = true;
  const scaling = await scalingFromOptions(ctx, opts);
  if (scaling) body.scaling = scaling;
  applyApiFieldFlags(body, opts, 'pool');
  await resolveProjectField(() => ctx.api(), [body]);
  return body;
}

/** A pool -f file: one object whose keys are checked against the API's input schema, and its scaling policies as `scaling check` does. */
export async function readPoolFile(ctx: Context, path: string, schema: 'PoolCreationInput' | 'PoolCloneInput' | 'PoolUpdateInput', allowUnknown?: boolean): Promise<Body> {
  const doc = await readStructuredFile('-f', path, { stdin: ctx.io.stdin });
  if (!isObject(doc)) throw new UsageError(`-f ${path}: expected one pool object`);
  const body = checkFileFields(`-f ${path}: `, doc, { schema, allowUnknown });
  if (body.scaling !== undefined && body.scaling !== null) {
    const problem = checkScaling(body.scaling)[0];
    if (problem) throw new UsageError(`-f ${path}: scaling.${formatProblem(problem)}`);
  }
  return body;
}
