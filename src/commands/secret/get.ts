import { getSecret } from '../../api/secrets.js';
import type { Context } from '../../context.js';
import { outputMode } from '../../output/print.js';
import { parseSecretKey } from './key.js';

/** The value on stdout, as it is (the one place a secret value is printed: the user asked for it). */
export async function run(ctx: Context, _opts: unknown, raw: string): Promise<void> {
  const key = parseSecretKey('KEY', raw);
  const mode = outputMode(ctx);
  const value = await getSecret(await ctx.api(), key);
  if (mode === 'json' || mode === 'jsonl') ctx.io.out(`${JSON.stringify({ key, value }, null, mode === 'json' ? 2 : 0)}\n`);
  else ctx.io.out(`${value}\n`);
}
