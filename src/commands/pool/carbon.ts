import type { Context } from '../../context.js';
import { showCarbon, type CarbonOptions } from '../shared/usage.js';

export async function run(ctx: Context, opts: CarbonOptions, id: string): Promise<void> {
  await showCarbon(ctx, 'pool', opts, id);
}
