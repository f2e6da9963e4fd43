import type { Context } from '../../../context.js';
import { UsageError } from '../../../errors.js';
import { checkScaling } from '../../../scaling/check.js';
import { scalingFromValue } from '../../../scaling/document.js';
import { buildScaling, hasScalingSteps } from '../../../scaling/flags.js';
import type { Problem } from '../../../scaling/model.js';
import type { Step } from '../../../scaling/options.js';
import { readStructuredFile } from '../../shared/file-input.js';

export interface ScalingInputOptions {
  file?: string;
  scalingSteps?: Step[];
}

/**
 * The scaling body from `-f FILE` or from the ordered flags (not both), and
 * the problems the local check finds in it. Unparsable input throws a
 * UsageError (exit 2) before anything is sent.
 */
export async function scalingInput(ctx: Context, opts: ScalingInputOptions): Promise<{ body: { policies: unknown[] }; problems: Problem[] }> {
  const fromFlags = hasScalingSteps(opts.scalingSteps);
  if (opts.file !== undefined && fromFlags) throw new UsageError('give the policies either with -f FILE or with --fixed/--managed flags, not both');
  let body: { policies: unknown[] };
  if (opts.file !== undefined) {
    body = scalingFromValue(`-f ${opts.file}`, await readStructuredFile('-f', opts.file, { stdin: ctx.io.stdin }));
  } else if (fromFlags) {
    body = buildScaling(opts.scalingSteps!);
  } else {
    throw new UsageError('no policies given: use -f FILE (JSON or YAML) or flags such as --fixed 2 --always');
  }
  return { body, problems: checkScaling(body) };
}
