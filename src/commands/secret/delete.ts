import { deleteSecret, listSecretsUnder } from '../../api/secrets.js';
import type { Context } from '../../context.js';
import { CliError, ExitCode, SilentExit } from '../../errors.js';
import { confirmAction, type ConfirmOptions } from '../shared/changes.js';
import { runBulk } from '../shared/select.js';
import { parseSecretKey } from './key.js';

/** As the other bulk deletes: one line per key, a missing key does not stop the others (exit 1; 3 when none was found). */
export async function run(ctx: Context, opts: ConfirmOptions, raws: string[]): Promise<void> {
  const keys = [...new Set(raws.map((raw) => parseSecretKey('KEY', raw)))];
  const http = await ctx.api();
  // Before a person decides (dry run, question): which keys exist, read from their folders' listings (never their values).
  const missing = opts.yes ? [] : await missingKeys(keys, (folder) => listSecretsUnder(http, folder).catch(noFolder));
  for (const key of missing) ctx.io.err(`error: secret "${key}" not found; list them with "qarnot secret list"\n`);
  const items = keys.filter((key) => !missing.includes(key)).map((uuid) => ({ uuid }));
  if (items.length === 0) throw new SilentExit(ExitCode.NotFound);
  if (await confirmAction(ctx, 'delete', items, items.length === 1 ? 'secret' : 'secrets', opts)) {
    await runBulk(ctx, items, 4, 'deleted', (item) => deleteSecret(http, item.uuid));
  }
  if (missing.length) throw new SilentExit(ExitCode.Failure);
}

/** A folder that does not exist holds no keys. */
function noFolder(error: unknown): string[] {
  if (error instanceof CliError && error.exitCode === ExitCode.NotFound) return [];
  throw error;
}

async function missingKeys(keys: string[], list: (folder: string) => Promise<string[]>): Promise<string[]> {
  const folderOf = (key: string) => key.split('/').slice(0, -1).join('/');
  const listed = new Map<string, Promise<string[]>>();
  for (const key of keys) if (!listed.has(folderOf(key))) listed.set(folderOf(key), list(folderOf(key)));
  const missing: string[] = [];
  for (const key of keys) if (!(await listed.get(folderOf(key))!).includes(key)) missing.push(key);
  return missing;
}
