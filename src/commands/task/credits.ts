import type { Context } from '../../context.js';
import { showCredits } from '../shared/usage.js';

export async function run(ctx: Context, _opts: unknown, id: string): Promise<void> {
  await showCredits(ctx, 'task', id);
}
