import type { Context } from '../../context.js';
import { JOB } from '../../resources/job.js';
import { runShow } from '../shared/show.js';

export async function run(ctx: Context, _opts: unknown, id: string): Promise<void> {
  await runShow(ctx, JOB, id);
}
