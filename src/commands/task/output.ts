import { readFreshOutput, readOutput, type Stream } from '../../api/tasks.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { parseDuration, parseInteger, parseUuidOrShortname } from '../../lib/parse.js';
import { decorateLines } from '../shared/follow.js';
import { exitWithOutcome, followTask } from './follow-task.js';

export interface OutputOptions {
  instance?: string;
  fresh?: boolean;
  follow?: boolean;
  both?: boolean;
  timestamps?: boolean;
  timeout?: string;
}

export async function runOutput(ctx: Context, stream: Stream, opts: OutputOptions, id: string): Promise<void> {
  parseUuidOrShortname('ID', id);
  const instance = opts.instance === undefined ? undefined : parseInteger('--instance', opts.instance, { min: 0 });
  if (opts.follow && opts.fresh) {
    throw new UsageError('--fresh cannot be used with -f: following reads the whole buffer and prints only what is new, without moving the shared cursor');
  }
  if (opts.both && !opts.follow) throw new UsageError('--both needs -f (follow)');
  if (opts.timestamps && !opts.follow) throw new UsageError('--timestamps needs -f: it is the time each line was received');
  if (opts.timeout !== undefined && !opts.follow) throw new UsageError('--timeout needs -f');
  const timeoutMs = opts.timeout === undefined ? undefined : parseDuration('--timeout', opts.timeout);
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
