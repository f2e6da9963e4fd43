import { syncTaskResources } from '../../api/tasks.js';
import type { Context } from '../../context.js';
import { parseUuidOrShortname } from '../../lib/parse.js';

/** PATCH: the running instances fetch the resource buckets again (additive: deleted files stay). */
export async function run(ctx: Context, _opts: unknown, id: string): Promise<void> {
  parseUuidOrShortname('ID', id);
  await syncTaskResources(await ctx.api(), id);
  if (!ctx.globals.quiet) ctx.io.err(`${ctx.io.colorErr.green('✓')} Resources of task ${id} are being synchronized\n`);
}
