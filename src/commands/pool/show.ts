import { getPool } from '../../api/pools.js';
import type { Context } from '../../context.js';
import { parseUuidOrShortname } from '../../lib/parse.js';
import { printRecord } from '../../output/print.js';
import { poolView } from '../../output/views.js';

export async function run(ctx: Context, _opts: unknown, id: string): Promise<void> {
  parseUuidOrShortname('ID', id);
  printRecord(ctx, await getPool(await ctx.api(), id), poolView);
}
