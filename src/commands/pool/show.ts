import type { Context } from '../../context.js';
import { POOL } from '../../resources/pool.js';
import { runShow } from '../shared/show.js';

export async function run(ctx: Context, _opts: unknown, id: string): Promise<void> {
  await runShow(ctx, POOL, id);
}
