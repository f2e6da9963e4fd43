import { getScaling } from '../../../api/pools.js';
import type { Context } from '../../../context.js';
import { parseUuidOrShortname } from '../../../lib/parse.js';
import { checkFields, outputMode, printItems } from '../../../output/print.js';
import { scalingRows, scalingView } from '../../../scaling/table.js';

export async function run(ctx: Context, _opts: unknown, id: string): Promise<void> {
  parseUuidOrShortname('ID', id);
  checkFields(ctx, scalingView);
  const scaling = await getScaling(await ctx.api(), id);
  const mode = outputMode(ctx);
  // JSON is the API's object unchanged, so it can be edited and given back to `set -f`.
  if (mode === 'json' || mode === 'jsonl') {
    ctx.io.out(`${JSON.stringify(scaling, null, mode === 'json' ? 2 : undefined)}\n`);
    return;
  }
  const count = await printItems(ctx, scalingRows(scaling), scalingView);
  if (mode !== 'table') return;
  if (count === 0) ctx.io.err('This pool has no scaling policy\n');
  else ctx.io.err(scaling.activePolicyName ? `Active policy: ${scaling.activePolicyName}\n` : 'No policy is active right now\n');
}
