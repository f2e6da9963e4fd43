import type { Context } from '../../context.js';
import { TASK } from '../../resources/task.js';
import { runShow } from '../shared/show.js';

export async function run(ctx: Context, _opts: unknown, id: string): Promise<void> {
  await runShow(ctx, TASK, id);
}
