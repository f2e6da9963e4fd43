import type { Context } from '../../context.js';
import { parseUuidOrShortname } from '../../lib/parse.js';
import { checkFields, printRecord } from '../../output/print.js';
import type { ResourceDescriptor } from '../../resources/resource.js';

/** `<noun> show ID`: one item, by uuid or shortname. */
export async function runShow<T>(ctx: Context, resource: ResourceDescriptor<T>, id: string): Promise<void> {
  parseUuidOrShortname('ID', id);
  checkFields(ctx, resource.view);
  printRecord(ctx, await resource.get(await ctx.api(), id), resource.view);
}
