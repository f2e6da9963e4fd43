import { setScaling, validationProblems } from '../../../api/pools.js';
import type { Context } from '../../../context.js';
import { ApiError, SilentExit } from '../../../errors.js';
import { parseUuidOrShortname } from '../../../lib/parse.js';
import { IMPLIED_ALWAYS_NOTE, impliesAlways } from '../../../scaling/flags.js';
import { scalingInput, type ScalingInputOptions } from './input.js';
import { printChanged, printDryRun } from '../../shared/changes.js';
import { printProblems, problemCount } from './report.js';

interface SetOptions extends ScalingInputOptions {
  dryRun?: boolean;
}

/** Exit 2 when the local check finds problems (nothing sent); 1 when the API refuses the policies. */
export async function run(ctx: Context, opts: SetOptions, id: string): Promise<void> {
  parseUuidOrShortname('ID', id);
  const { body, problems } = await scalingInput(ctx, opts);
  if (problems.length) {
    printProblems(ctx, problems, 'err');
    ctx.io.err(`Not sent: ${problemCount(problems.length)} in the scaling policies\n`);
    throw new SilentExit(2);
  }
  const policies = `${body.policies.length} scaling polic${body.policies.length === 1 ? 'y' : 'ies'} on pool ${id}`;
  if (opts.dryRun) {
    if (impliesAlways(opts.scalingSteps)) ctx.io.err(IMPLIED_ALWAYS_NOTE);
    return printDryRun(ctx, body, `would set ${policies}`);
  }
  try {
    await setScaling(await ctx.api(), id, body);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 400) throw error;
    const refused = validationProblems(error.body);
    printProblems(ctx, refused, 'err');
    ctx.io.err(`The API refused the scaling policies: ${problemCount(refused.length)}\n`);
    throw new SilentExit(1);
  }
  printChanged(ctx, `Set ${policies}`);
}
