import { clonePool } from '../../api/pools.js';
import type { Context } from '../../context.js';
import { parseUuidOrShortname } from '../../lib/parse.js';
import { poolBodyFromFlags, printDryRun, type PoolBodyFlags } from './body.js';

/** Only the fields given as flags are sent: the API keeps the source pool's others. */
export async function run(ctx: Context, opts: PoolBodyFlags, id: string): Promise<void> {
  parseUuidOrShortname('ID', id);
  const overrides = await poolBodyFromFlags(ctx, opts);
  if (opts.dryRun) return printDryRun(ctx, overrides, `would clone pool ${id} with these overrides`);
  const { uuid } = await clonePool(await ctx.api(), id, overrides);
  ctx.io.out(`${uuid}\n`);
  ctx.io.err(`Cloned pool ${id} into ${uuid}\n`);
}
