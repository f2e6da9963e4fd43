import { createPool } from '../../api/pools.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { checkCommonFields, mergeBody } from '../shared/body.js';
import { printCreated, printDryRun, quotedName } from '../shared/changes.js';
import { poolBodyFromFlags, readPoolFile, type PoolBodyFlags } from './body.js';

interface CreateOptions extends PoolBodyFlags {
  file?: string;
  allowUnknownFields?: boolean;
}

export async function run(ctx: Context, opts: CreateOptions): Promise<void> {
  const file = opts.file === undefined ? undefined : await readPoolFile(ctx, opts.file, 'PoolCreationInput', opts.allowUnknownFields);
  const flags = await poolBodyFromFlags(ctx, opts, { value: file?.elasticProperty, name: `-f ${opts.file}` });
  const body = file ? mergeBody(file, flags) : flags;
  const where = opts.file === undefined ? '' : `-f ${opts.file}: `;
  checkCommonFields(where, body, { requireName: true });
  if (typeof body.profile !== 'string' || body.profile.trim() === '') {
    throw new UsageError(`${where}profile: required; give --profile or a "profile" field`);
  }
  if (opts.dryRun) return printDryRun(ctx, body, `would create pool ${quotedName(body)}`);
  const { uuid } = await createPool(await ctx.api(), body);
  printCreated(ctx, uuid, `Created pool ${quotedName(body)} ${uuid}`);
}
