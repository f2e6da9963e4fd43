import type { Context } from '../../context.js';
import { runOutput, type OutputOptions } from './output.js';

export function run(ctx: Context, opts: OutputOptions, id: string): Promise<void> {
  return runOutput(ctx, 'stdout', opts, id);
}
