import { listProjects } from '../../api/services.js';
import type { Context } from '../../context.js';
import { checkFields, printItems } from '../../output/print.js';
import { projectView } from './view.js';

export async function run(ctx: Context): Promise<void> {
  checkFields(ctx, projectView);
  await printItems(ctx, await listProjects(await ctx.api()), projectView);
}
