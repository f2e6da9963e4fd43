import { clonePool, getPool } from '../../api/pools.js';
import type { Context } from '../../context.js';
import { parseUuidOrShortname } from '../../lib/parse.js';
import { printCreated, printDryRun } from '../shared/changes.js';
import { mergeBody } from '../shared/body.js';
import { poolBodyFromFlags, readPoolFile, type PoolBodyFlags } from './body.js';
import { elasticFromFlags } from './elastic.js';

interface CloneOptions extends PoolBodyFlags {
  file?: string;
  allowUnknownFields?: boolean;
}

/** Only the fields given (file, then flags over it) are sent: the API keeps the source pool's others. */
export async function run(ctx: Context, opts: CloneOptions, id: string): Promise<void> {
  parseUuidOrShortname('ID', id);
  const file = opts.file === undefined ? undefined : await readPoolFile(ctx, opts.file, 'PoolCloneInput', opts.allowUnknownFields);
  // An elasticProperty sent replaces the source's whole: --elastic-max-slots alone must keep its other settings.
  const changesElastic = elasticFromFlags(opts)?.isElastic === true;
  const elasticBase =
    file?.elasticProperty !== undefined
      ? { value: file.elasticProperty, name: `-f ${opts.file}` }
      : { value: changesElastic ? (await getPool(await ctx.api(), id)).elasticProperty : undefined, name: `pool ${id}` };
  const flags = await poolBodyFromFlags(ctx, opts, elasticBase);
  const overrides = file ? mergeBody(file, flags) : flags;
  if (opts.dryRun) return printDryRun(ctx, overrides, `would clone pool ${id} with these overrides`);
  const { uuid } = await clonePool(await ctx.api(), id, overrides);
  printCreated(ctx, uuid, `Created pool ${uuid}: a copy of ${id}`);
}
