import { checkScaling } from '../../../api/pools.js';
import type { Context } from '../../../context.js';
import { SilentExit } from '../../../errors.js';
import { outputMode } from '../../../output/print.js';
import type { Problem } from '../../../scaling/model.js';
import { scalingInput, type ScalingInputOptions } from './input.js';
import { printProblems, problemCount } from './report.js';

/**
 * Exit 0 valid, 1 problems found (locally or by the API), 2 input that
 * cannot even be turned into a request.
 */
export async function run(ctx: Context, opts: ScalingInputOptions): Promise<void> {
  const { body, problems: local } = await scalingInput(ctx, opts);
  // The obvious mistakes are certain without asking; the API is asked only when none were found.
  const problems = local.length ? local : await checkScaling(await ctx.api(), body);
  report(ctx, problems, local.length > 0, body.policies.length);
}

function report(ctx: Context, problems: Problem[], local: boolean, policyCount: number): void {
  const mode = outputMode(ctx);
  if (mode === 'json' || mode === 'jsonl') {
    ctx.io.out(`${JSON.stringify({ valid: problems.length === 0, problems }, null, mode === 'json' ? 2 : undefined)}\n`);
  } else {
    printProblems(ctx, problems, 'out');
  }
  if (problems.length === 0) {
    ctx.io.err(`Valid: ${policyCount} polic${policyCount === 1 ? 'y' : 'ies'}\n`);
    return;
  }
  ctx.io.err(`Invalid: ${problemCount(problems.length)}${local ? ' (found locally; nothing sent)' : ''}\n`);
  throw new SilentExit(1);
}
