import { createJob } from '../../api/jobs.js';
import { resolveIdFields } from '../../api/resolve-ids.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { parseDuration, parseShortname, parseTags, parseUuidOrShortname } from '../../lib/parse.js';
import { msToTimeSpan } from '../../lib/timespan.js';
import { checkName } from '../shared/body.js';
import { printCreated, printDryRun, quotedName } from '../shared/changes.js';

interface CreateOptions {
  name?: string;
  shortname?: string;
  pool?: string;
  useDependencies?: boolean;
  maxWallTime?: string;
  tag?: string[];
  autoDelete?: boolean;
  ttl?: string;
  dryRun?: boolean;
}

function jobBodyFromFlags(opts: CreateOptions): Record<string, unknown> {
  if (opts.name === undefined || opts.name.trim() === '') throw new UsageError('--name is required (a non-empty job name)');
  const body: Record<string, unknown> = { name: checkName('--name', opts.name) };
  if (opts.shortname !== undefined) body.shortname = parseShortname('--shortname', opts.shortname);
  if (opts.pool !== undefined) body.poolUuid = parseUuidOrShortname('--pool', opts.pool);
  if (opts.useDependencies) body.useDependencies = true;
  if (opts.maxWallTime !== undefined) {
    const ms = parseDuration('--max-wall-time', opts.maxWallTime);
    if (ms <= 0) throw new UsageError(`--max-wall-time must be longer than 0, got "${opts.maxWallTime}"`);
    body.maxWallTime = msToTimeSpan(ms);
  }
  if (opts.tag?.length) body.tags = parseTags('--tag', opts.tag);
  if (opts.autoDelete) body.autoDeleteOnCompletion = true;
  if (opts.ttl !== undefined) body.completionTimeToLive = msToTimeSpan(parseDuration('--ttl', opts.ttl));
  return body;
}

export async function run(ctx: Context, opts: CreateOptions): Promise<void> {
  const body = jobBodyFromFlags(opts);
  if (opts.dryRun) return printDryRun(ctx, body, `would create job ${quotedName(body)}`);
  await resolveIdFields(() => ctx.api(), [body]);
  const { uuid } = await createJob(await ctx.api(), body);
  printCreated(ctx, uuid, `Created job ${quotedName(body)} ${uuid}`);
}
