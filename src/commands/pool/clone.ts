import { clonePool } from '../../api/pools.js';
import type { Context } from '../../context.js';
import { parseUuidOrShortname } from '../../lib/parse.js';
import { printCreated, printDryRun } from '../shared/changes.js';
import { poolBodyFromFlags, type PoolBodyFlags } from './body.js';

/** Only the fields given as flags are sent: the API keeps the source pool's others. */
export async function run(ctx: Context, opts: PoolBodyFlags, id: string): Promise<void> {
  parseUuidOrShortname('ID', id);
  const overrides = await poolBodyFromFlags(ctx, opts);
  if (opts.dryRun) return printDryRun(ctx, overrides, `would clone pool ${id} with these overrides`);
  const { uuid } = await clonePool(await ctx.api(), id, overrides);
  printCreated(ctx, uuid, `Created pool ${uuid}: a copy of ${id}`);
}
