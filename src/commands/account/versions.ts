import { apiVersions } from '../../api/account.js';
import type { Context } from '../../context.js';
import { printItems } from '../../output/print.js';

export async function run(ctx: Context): Promise<void> {
  const versions = await apiVersions(await ctx.api());
  await printItems(ctx, versions, {
    plural: 'versions',
    fields: ['version', 'endOfLife'],
    id: (v) => v.version,
    columns: [
      { header: 'VERSION', value: (v) => v.version },
      { header: 'END OF LIFE', value: (v) => v.endOfLife ?? 'supported' },
    ],
  });
}
