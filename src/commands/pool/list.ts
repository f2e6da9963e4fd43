import type { Context } from '../../context.js';
import { POOL } from '../../resources/pool.js';
import { runList, type ListOptions } from '../shared/list.js';

export async function run(ctx: Context, opts: ListOptions): Promise<void> {
  await runList(ctx, opts, POOL);
}
