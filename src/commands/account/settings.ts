import { apiSettings } from '../../api/account.js';
import type { Context } from '../../context.js';
import { outputMode, printItems } from '../../output/print.js';

export async function run(ctx: Context): Promise<void> {
  const settings = await apiSettings(await ctx.api());
  const mode = outputMode(ctx);
  if (mode === 'json' || mode === 'jsonl') {
    ctx.io.out(`${JSON.stringify(settings, null, mode === 'json' ? 2 : 0)}\n`);
    return;
  }
  await printItems(ctx, Object.entries(settings), {
    plural: 'settings',
    fields: [],
    id: ([key]) => key,
    columns: [
      { header: 'KEY', value: ([key]) => key },
      // Unset settings print empty (a dash in a table), not the word null; --json keeps null.
      { header: 'VALUE', value: ([, value]) => value },
    ],
  });
}
