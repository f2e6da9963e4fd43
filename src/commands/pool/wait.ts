import { POOL } from '../../resources/pool.js';
import type { Pool } from '../../api/types.js';
import type { Context } from '../../context.js';
import { SilentExit } from '../../errors.js';
import { parseDuration, parseEnum, parseUuidOrShortname } from '../../lib/parse.js';
import { boundedBy, createWaitReporter, parseInterval, waitForOne } from '../shared/wait.js';
import { describePool } from './progress.js';

interface WaitOptions {
  state?: string[];
  timeout?: string;
  interval?: string;
}

const READY = 'FullyExecuting';

/**
 * Until the pool is ready (FullyExecuting) or ended; with --state, until one
 * of those states or an end. Exit 1 when it ends in Failure, or ends without
 * reaching an explicitly asked --state.
 */
export async function run(ctx: Context, opts: WaitOptions, id: string): Promise<void> {
  parseUuidOrShortname('ID', id);
  // By default an end (Closed) is as good as ready: only Failure is a failure.
  const wanted = new Set(opts.state?.length ? opts.state.map((s) => parseEnum('--state', s, POOL.states)) : [READY, 'Closed']);
  const timeoutMs = opts.timeout === undefined ? undefined : parseDuration('--timeout', opts.timeout);
  const intervalMs = parseInterval(opts.interval, 2000);
  const http = boundedBy(await ctx.api(), timeoutMs);
  const reporter = await createWaitReporter<Pool>(ctx, {
    describe: describePool,
    succeeded: (state) => state !== undefined && wanted.has(state),
  });
  const entry = await waitForOne<Pool>(
    ctx,
    {
      noun: 'pool',
      id,
      timeout: opts.timeout,
      fetch: (poolId) => POOL.get(http, poolId),
      stateOf: (p) => p.state,
      terminal: new Set([...wanted, ...POOL.finalStates, 'PendingDelete']),
      intervalMs,
      timeoutMs,
    },
    reporter,
  );
  if (entry.state !== undefined && wanted.has(entry.state)) return;
  ctx.io.err(`pool ${id} ended ${entry.state}${[...wanted].length ? ` without reaching ${[...wanted].join(' or ')}` : ''}\n`);
  throw new SilentExit(1);
}
