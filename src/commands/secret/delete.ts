import { deleteSecret } from '../../api/secrets.js';
import type { Context } from '../../context.js';
import { confirmAction, printChanged, type ConfirmOptions } from '../shared/changes.js';
import { parseSecretKey } from './key.js';

export async function run(ctx: Context, opts: ConfirmOptions, raws: string[]): Promise<void> {
  const keys = [...new Set(raws.map((raw) => parseSecretKey('KEY', raw)))];
  if (!(await confirmAction(ctx, 'delete', keys.map((uuid) => ({ uuid })), keys.length === 1 ? 'secret' : 'secrets', opts))) return;
  const http = await ctx.api();
  for (const key of keys) {
    await deleteSecret(http, key);
    printChanged(ctx, `Deleted secret ${key}`);
  }
}
