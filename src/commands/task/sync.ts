import { syncTaskResources } from '../../api/tasks.js';
import type { Context } from '../../context.js';
import { parseUuidOrShortname } from '../../lib/parse.js';
import { printChanged } from '../shared/changes.js';

/** PATCH: the running instances fetch the resource buckets again (additive: deleted files stay). */
export async function run(ctx: Context, _opts: unknown, id: string): Promise<void> {
  parseUuidOrShortname('ID', id);
  await syncTaskResources(await ctx.api(), id);
  printChanged(ctx, `Resources of task ${id} are being synchronized`);
}
