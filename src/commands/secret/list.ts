import { listSecretsRecursive, listSecretsUnder } from '../../api/secrets.js';
import type { Context } from '../../context.js';
import { printItems } from '../../output/print.js';
import { parseSecretKey } from './key.js';

export async function run(ctx: Context, opts: { recursive?: boolean }, prefix: string | undefined): Promise<void> {
  const base = parseSecretKey('PREFIX', prefix ?? '', { allowEmpty: true });
  const http = await ctx.api();
  const keys = opts.recursive ? await listSecretsRecursive(http, base) : await listSecretsUnder(http, base);
  await printItems(ctx, keys, { plural: 'secrets', fields: [], id: (k) => k, columns: [{ header: 'KEY', value: (k) => k }] });
}
