import { periodicSnapshot, snapshotStatus, snapshotTask, type SnapshotFilters } from '../../api/tasks.js';
import type { Context } from '../../context.js';
import { CliError, InterruptedError, SilentExit, TimeoutError, UsageError } from '../../errors.js';
import { parseDuration, parseInteger, parseUuidOrShortname } from '../../lib/parse.js';
import { parseBucket } from '../shared/body.js';
import { abortableSleep } from '../../lib/sleep.js';
import { boundedBy, TimeoutPassed } from '../shared/wait.js';

export interface SnapshotOptions {
  every?: string;
  whitelist?: string;
  blacklist?: string;
  bucket?: string;
  prefix?: string;
  wait?: boolean;
  timeout?: string;
}

const FINAL_SNAPSHOT_STATES = new Set(['Success', 'Failure']);
const POLL_MS = 1000;

export async function run(ctx: Context, opts: SnapshotOptions, id: string): Promise<void> {
  parseUuidOrShortname('ID', id);
  const every = opts.every === undefined ? undefined : parseInteger('--every', opts.every, { min: 0 });
  if (every !== undefined && opts.wait) throw new UsageError('--wait applies to a one-off snapshot, not to --every');
  if (opts.timeout !== undefined && !opts.wait) throw new UsageError('--timeout needs --wait');
  const timeoutMs = opts.timeout === undefined ? undefined : parseDuration('--timeout', opts.timeout);
  const filters: SnapshotFilters = {};
  if (opts.whitelist !== undefined) filters.whitelist = opts.whitelist;
  if (opts.blacklist !== undefined) filters.blacklist = opts.blacklist;
  if (opts.bucket !== undefined) filters.bucket = parseBucket('--bucket', opts.bucket);
  if (opts.prefix !== undefined) filters.bucketPrefix = opts.prefix;
  const http = await ctx.api();

  if (every !== undefined) {
    await periodicSnapshot(http, id, every, filters);
    if (!ctx.globals.quiet) {
      ctx.io.err(every === 0 ? `Periodic snapshots of task ${id} stopped\n` : `Task ${id} will be snapshotted every ${every} s\n`);
    }
    return;
  }

  const answer = await snapshotTask(http, id, filters);
  const snapshotId = answer?.id;
  if (!snapshotId) {
    if (!ctx.globals.quiet) ctx.io.err(`Snapshot of task ${id} triggered (the API gave no snapshot id)\n`);
    if (opts.wait) throw new CliError('cannot wait: the API gave no snapshot id to follow');
    return;
  }
  ctx.io.out(`${snapshotId}\n`);
  if (!opts.wait) {
    // Running it again with --wait would trigger another snapshot: say what --wait does, not a command to run now.
    if (!ctx.globals.quiet) ctx.io.err(`Snapshot triggered; with --wait, "task snapshot" also waits until it is uploaded\n`);
    return;
  }
  const started = performance.now();
  const bounded = boundedBy(http, timeoutMs);
  let last = '';
  for (;;) {
    let status;
    try {
      status = await snapshotStatus(bounded, id, snapshotId);
    } catch (error) {
      if (error instanceof TimeoutPassed) throw new TimeoutError(`snapshot ${snapshotId} still ${last || 'unknown'} after ${opts.timeout}`);
      throw error;
    }
    if (status.status !== last && !ctx.globals.quiet) ctx.io.err(`snapshot ${snapshotId}: ${status.status}\n`);
    last = status.status;
    if (FINAL_SNAPSHOT_STATES.has(status.status)) {
      if (status.status === 'Failure') throw new SilentExit(1);
      return;
    }
    if (timeoutMs !== undefined && performance.now() - started >= timeoutMs) {
      throw new TimeoutError(`snapshot ${snapshotId} still ${status.status} after ${opts.timeout}`);
    }
    await abortableSleep(POLL_MS, ctx.signal);
    if (ctx.signal.aborted) throw new InterruptedError();
  }
}
