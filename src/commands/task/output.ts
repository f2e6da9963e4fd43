import { readFreshOutput, readOutput, type Stream } from '../../api/tasks.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { parseUuidOrShortname } from '../../lib/parse.js';
import { decorateLines, parseOutputFlags, type OutputFlags } from '../shared/follow.js';
import { exitWithOutcome, followTask } from './follow-task.js';

export interface OutputOptions extends OutputFlags {
  both?: boolean;
}

export async function runOutput(ctx: Context, stream: Stream, opts: OutputOptions, id: string): Promise<void> {
  parseUuidOrShortname('ID', id);
  const { instance, timeoutMs } = parseOutputFlags(opts);
  if (opts.both && !opts.follow) throw new UsageError('--both needs -f (follow)');
  const http = await ctx.api();
  if (opts.follow) {
    const streams: Stream[] = opts.both ? ['stdout', 'stderr'] : [stream];
    const task = await followTask(ctx, http, id, { streams, instance, timestamps: Boolean(opts.timestamps), stderrToStderr: Boolean(opts.both), timeoutMs });
    exitWithOutcome(ctx, task);
    return;
  }
  const text = opts.fresh ? await readFreshOutput(http, id, stream, instance) : await readOutput(http, id, stream, instance);
  const cut = text.lastIndexOf('\n') + 1;
  ctx.io.out(decorateLines(text.slice(0, cut), { color: ctx.io.color, timestamps: false }, new Date()) + text.slice(cut));
}
