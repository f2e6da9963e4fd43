import { profileDetails } from '../../api/account.js';
import type { Context } from '../../context.js';
import { outputMode, printItems } from '../../output/print.js';

type Constant = { name: string; value: string; description?: string };

export async function run(ctx: Context, _opts: unknown, name: string): Promise<void> {
  const profile = await profileDetails(await ctx.api(), name);
  const mode = outputMode(ctx);
  if (mode === 'json' || mode === 'jsonl') {
    ctx.io.out(`${JSON.stringify(profile, null, mode === 'json' ? 2 : 0)}\n`);
    return;
  }
  if (mode === 'table') ctx.io.err(`Profile ${profile.name ?? name}: constants\n`);
  await printItems<Constant>(ctx, profile.constants ?? [], {
    plural: 'constants',
    id: (c) => c.name,
    columns: [
      { header: 'CONSTANT', value: (c) => c.name },
      { header: 'DEFAULT', value: (c) => c.value },
      { header: 'DESCRIPTION', value: (c) => c.description, flexible: true },
    ],
  });
}
