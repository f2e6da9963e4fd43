import { projectBudgets } from '../../api/services.js';
import type { Context } from '../../context.js';
import { isUuid } from '../../lib/parse.js';
import { checkFields, printItems } from '../../output/print.js';
import { checkProjectRef, resolveProject } from './resolve.js';
import { budgetView } from './view.js';

export async function run(ctx: Context, opts: { active?: boolean }, ref: string): Promise<void> {
  checkProjectRef('PROJECT', ref);
  checkFields(ctx, budgetView);
  const http = await ctx.api();
  // A uuid goes straight to the budgets service; a slug or name is looked up first.
  const uuid = isUuid(ref) ? ref : (await resolveProject(http, ref)).uuid;
  await printItems(ctx, await projectBudgets(http, uuid, opts.active === true), budgetView);
}
