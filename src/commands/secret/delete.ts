import { deleteSecret } from '../../api/secrets.js';
import type { Context } from '../../context.js';
import { confirmAction, type ConfirmOptions } from '../shared/changes.js';
import { runBulk } from '../shared/select.js';
import { parseSecretKey } from './key.js';

/** As the other bulk deletes: one line per key, a missing key does not stop the others (exit 1; 3 when none was found). */
export async function run(ctx: Context, opts: ConfirmOptions, raws: string[]): Promise<void> {
  const keys = [...new Set(raws.map((raw) => parseSecretKey('KEY', raw)))];
  const items = keys.map((uuid) => ({ uuid }));
  if (!(await confirmAction(ctx, 'delete', items, keys.length === 1 ? 'secret' : 'secrets', opts))) return;
  const http = await ctx.api();
  await runBulk(ctx, items, 4, 'deleted', (item) => deleteSecret(http, item.uuid));
}
