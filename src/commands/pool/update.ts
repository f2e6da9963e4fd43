import { getPool, updatePool } from '../../api/pools.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { parseTags, parseUuidOrShortname } from '../../lib/parse.js';
import { mergeBody, parseConstants } from '../shared/body.js';
import { printChanged, printDryRun } from '../shared/changes.js';
import { readPoolFile, scalingFromOptions } from './body.js';
import type { Step } from '../../scaling/options.js';
import { elasticFromFlags, type ElasticFlags } from './elastic.js';

interface UpdateOptions extends ElasticFlags {
  constant?: string[];
  tag?: string[];
  untag?: string[];
  scaling?: string;
  scalingSteps?: Step[];
  dryRun?: boolean;
  file?: string;
  allowUnknownFields?: boolean;
}

/**
 * PUT replaces constants and tags as a whole, so the current ones are read
 * first: `-c K=V` changes K and keeps the others, `--tag` adds, `--untag` removes.
 */
export async function run(ctx: Context, opts: UpdateOptions, id: string): Promise<void> {
  parseUuidOrShortname('ID', id);
  const constants = opts.constant?.length ? parseConstants('--constant', opts.constant) : undefined;
  const added = opts.tag?.length ? parseTags('--tag', opts.tag) : [];
  const removed = opts.untag ?? [];
  const scaling = await scalingFromOptions(ctx, opts);
  // The file's fields replace the pool's; the flags then apply over them.
  const file = opts.file === undefined ? {} : await readPoolFile(ctx, opts.file, 'PoolUpdateInput', opts.allowUnknownFields);
  // Validated against an empty base first, so bad flags exit 2 before any request.
  elasticFromFlags(opts);
  if (!constants && !added.length && !removed.length && !scaling && !elasticFromFlags(opts) && Object.keys(file).length === 0) {
    throw new UsageError('nothing to update: give -f, --constant, --tag, --untag, --scaling, --fixed/--managed, --elastic-* flags or --no-elastic');
  }
  const http = await ctx.api();
  const pool = { ...(await getPool(http, id)), ...file };
  const current = { constants: pool.constants ?? [], tags: pool.tags ?? [] };
  const update = mergeBody(current, constants ? { constants } : {});
  const tags = [...((update.tags as string[]) ?? []).filter((t) => !removed.includes(t))];
  for (const t of added) if (!tags.includes(t)) tags.push(t);
  update.tags = parseTags('--tag', tags);
  const elastic = elasticFromFlags(opts, (pool.elasticProperty as Record<string, unknown> | undefined) ?? {});
  if (elastic) update.elasticProperty = elastic;
  else if (file.elasticProperty !== undefined) update.elasticProperty = file.elasticProperty;
  if (scaling) update.scaling = scaling;
  else if (file.scaling !== undefined) update.scaling = file.scaling;
  // What is left of the file are the fields newer than this version (--allow-unknown-fields): sent as they are.
  for (const [key, value] of Object.entries(file)) if (!(key in update)) update[key] = value;
  if (opts.dryRun) return printDryRun(ctx, update, `would update pool ${id}`);
  await updatePool(http, id, update);
  printChanged(ctx, `Updated pool ${id}`);
}
