import type { Context } from '../../context.js';
import { runRerun } from './rerun.js';
import type { TaskBodyFlags } from './task-body.js';

export function run(ctx: Context, opts: TaskBodyFlags, ids: string[]): Promise<void> {
  return runRerun(ctx, 'retry', opts, ids);
}
