import { listProjects } from '../../api/services.js';
import type { Context } from '../../context.js';
import { printItems } from '../../output/print.js';
import { projectView } from './view.js';

export async function run(ctx: Context): Promise<void> {
  await printItems(ctx, await listProjects(await ctx.api()), projectView);
}
