import type { Context } from '../../context.js';
import { checkFields, printRecord } from '../../output/print.js';
import { checkProjectRef, resolveProject } from './resolve.js';
import { projectView } from './view.js';

export async function run(ctx: Context, _opts: unknown, ref: string): Promise<void> {
  checkProjectRef('PROJECT', ref);
  checkFields(ctx, projectView);
  printRecord(ctx, await resolveProject(await ctx.api(), ref), projectView);
}
