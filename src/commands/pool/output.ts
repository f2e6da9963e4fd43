import { readFreshPoolOutput, readPoolOutput } from '../../api/pools.js';
import type { Stream } from '../../api/tasks.js';
import { POOL } from '../../resources/pool.js';
import type { Context } from '../../context.js';
import { ApiError } from '../../errors.js';
import { parseUuidOrShortname } from '../../lib/parse.js';
import type { Pool } from '../../api/types.js';
import { decorateLines, followOutput, parseOutputFlags, type OutputFlags } from '../shared/follow.js';
import { boundedBy, createWaitReporter, reportUntilOutput } from '../shared/wait.js';
import { describePool } from './progress.js';

/** `pool stdout|stderr`: the stream is the verb's name. */
export async function run(ctx: Context, opts: OutputFlags, id: string): Promise<void> {
  parseUuidOrShortname('ID', id);
  const stream = ctx.command.name() as Stream;
  const { instance, timeoutMs } = parseOutputFlags(opts);
  const timestamps = opts.timestamps === true;
  const http = await ctx.api();
  if (!opts.follow) {
    const text = opts.fresh ? await readFreshPoolOutput(http, id, stream, instance) : await readPoolOutput(http, id, stream, instance);
    ctx.io.out(decorateLines(text.endsWith('\n') || text === '' ? text : `${text}\n`, { color: ctx.io.color, timestamps: false }, new Date()));
    return;
  }
  const bounded = boundedBy(http, timeoutMs);
  // Seen, then gone (deleted): the follow ends as for a closed pool; what was read is printed.
  let last: Pool | undefined;
  let lastText = '';
  const gone = (error: unknown) => last !== undefined && error instanceof ApiError && error.status === 404;
  let deleted = false;
  const isFinal = (state: string) => POOL.finalStates.has(state);
  const waiting = reportUntilOutput(await createWaitReporter<Pool>(ctx, { describe: describePool, succeeded: () => true }), id, (pool) => pool.state, isFinal);
  try {
    await followOutput({
      sources: [
        {
          name: stream,
          read: async () => {
            if (deleted) return lastText;
            try {
              return (lastText = await readPoolOutput(bounded, id, stream, instance));
            } catch (error) {
              if (!gone(error) || instance !== undefined) throw error;
              deleted = true;
              return lastText;
            }
          },
          write: (lines, at) => {
            waiting.outputStarts();
            ctx.io.out(decorateLines(lines, { color: ctx.io.color, timestamps }, at));
          },
        },
      ],
      // A pool ends when it is closed (or failed): until then, new tasks may write.
      isFinished: async () => {
        if (deleted) return true;
        try {
          last = await POOL.get(bounded, id);
        } catch (error) {
          if (!gone(error)) throw error;
          deleted = true;
          return true;
        }
        waiting.seen(last);
        return isFinal(last.state);
      },
      signal: ctx.signal,
      timeoutMs,
      warn: (message) => ctx.io.err(`${message}\n`),
    });
  } finally {
    waiting.outputStarts();
  }
  if (deleted && !ctx.globals.quiet) ctx.io.err(`Pool ${last!.uuid} was deleted while ${last!.state}\n`);
}
