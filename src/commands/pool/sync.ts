import { syncPoolResources } from '../../api/pools.js';
import type { Context } from '../../context.js';
import { parseUuidOrShortname } from '../../lib/parse.js';
import { printChanged } from '../shared/changes.js';

export async function run(ctx: Context, _opts: unknown, id: string): Promise<void> {
  parseUuidOrShortname('ID', id);
  await syncPoolResources(await ctx.api(), id);
  printChanged(ctx, `Resources of pool ${id} are being synchronized to its nodes`);
}
