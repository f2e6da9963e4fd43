import { syncPoolResources } from '../../api/pools.js';
import type { Context } from '../../context.js';
import { parseUuidOrShortname } from '../../lib/parse.js';

export async function run(ctx: Context, _opts: unknown, id: string): Promise<void> {
  parseUuidOrShortname('ID', id);
  await syncPoolResources(await ctx.api(), id);
  ctx.io.err(`Resources of pool ${id} are being synchronized to its nodes\n`);
}
