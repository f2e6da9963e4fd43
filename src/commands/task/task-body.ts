/**
 * The request body of task create / run / clone / retry / recover / resume:
 * the file's fields (if any), overridden by the flags, then checked. Every
 * problem is a UsageError naming the flag or field, raised before the API is
 * contacted.
 */
import { resolveIdFields } from '../../api/resolve-ids.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { parseInteger, parseUuidOrShortname } from '../../lib/parse.js';
import { MAX_RANGE_INSTANCES, parseRange } from '../../lib/ranges.js';
import {
  checkCommonFields,
  commonBodyFromFlags,
  mergeBody,
  parseBucket,
  type Body,
  type BodyFlags,
} from '../shared/body.js';
import { readBodyFile, type JsonObject } from '../shared/file-input.js';
import type { TaskBodyKind } from './options.js';
import { applyApiFieldFlags, resolveProjectField, type ApiFieldFlags } from '../shared/api-body.js';

export interface TaskBodyFlags extends BodyFlags, ApiFieldFlags {
  file?: string;
  allowUnknownFields?: boolean;
  profile?: string;
  pool?: string;
  job?: string;
  instances?: string;
  range?: string;
  result?: string;
  dependsOn?: string[];
  snapshotWhitelist?: string;
  snapshotBlacklist?: string;
  snapshotBucket?: string;
  snapshotBucketPrefix?: string;
  resultsWhitelist?: string;
  resultsBlacklist?: string;
  resultsBucket?: string;
  resultsBucketPrefix?: string;
  waitForPoolResources?: boolean;
  uploadResultsOnCancellation?: boolean;
  dryRun?: boolean;
}

export interface TaskRequest {
  /** One body, or several for a bulk submission (a file holding an array). */
  bodies: Body[];
  bulk: boolean;
}

/** The API's input schema of each kind (retry, recover and resume read the same fields). */
const FILE_SCHEMA = { create: 'TaskCreationInput', clone: 'TaskCloneInput', rerun: 'TaskRetryInput' } as const;

/** Fields retry / recover / resume cannot set: the instance set and pool come from the source. */
const RERUN_FORBIDDEN = ['poolUuid', 'instanceCount', 'advancedRanges'];

export async function buildTaskRequest(ctx: Context, opts: TaskBodyFlags, kind: TaskBodyKind): Promise<TaskRequest> {
  const request = await buildRequest(ctx, opts, kind);
  await resolveProjectField(() => ctx.api(), request.bodies);
  // A dry run sends nothing, lookups included: it shows shortnames as given.
  if (!opts.dryRun) await resolveIdFields(() => ctx.api(), request.bodies);
  return request;
}

async function buildRequest(ctx: Context, opts: TaskBodyFlags, kind: TaskBodyKind): Promise<TaskRequest> {
  // opts holds this verb's flags only: --profile is the execution profile, never the stored context.
  const flags = taskBodyFromFlags(opts, kind);
  if (opts.file === undefined) {
    const body = finish(flags, {}, kind);
    check('', body, kind);
    return { bodies: [body], bulk: false };
  }
  const doc = await readBodyFile('-f', opts.file, { stdin: ctx.io.stdin }, { schema: FILE_SCHEMA[kind], allowUnknown: opts.allowUnknownFields });
  const where = `-f ${opts.file}: `;
  if (Array.isArray(doc)) {
    if (kind !== 'create') throw new UsageError(`${where}expected one object; only create takes an array of tasks`);
    if (flags.shortname !== undefined && doc.length > 1) {
      throw new UsageError('--shortname cannot be used with a file holding several tasks: shortnames are unique');
    }
    const bodies = doc.map((item, i) => {
      const body = finish(flags, item, kind);
      check(`${where}item ${i}: `, body, kind);
      return body;
    });
    return { bodies, bulk: true };
  }
  const body = finish(flags, doc, kind);
  check(where, body, kind);
  return { bodies: [body], bulk: false };
}

/** Flags → body fields (only those given). */
export function taskBodyFromFlags(opts: TaskBodyFlags, kind: TaskBodyKind): Body {
  const body = commonBodyFromFlags(opts, { retryKey: 'retrySettings' });
  if (opts.profile !== undefined && opts.pool !== undefined) {
    throw new UsageError('--profile and --pool cannot be used together: a task in a pool runs with the pool\'s profile');
  }
  if (opts.profile !== undefined) {
    if (opts.profile.trim() === '') throw new UsageError('--profile must not be empty');
    body.profile = opts.profile;
  }
  if (opts.pool !== undefined) {
    if (kind !== 'create') throw new UsageError(`--pool cannot be changed by ${kind}`);
    body.poolUuid = parseUuidOrShortname('--pool', opts.pool);
  }
  if (opts.job !== undefined) body.jobUuid = parseUuidOrShortname('--job', opts.job);
  if (opts.instances !== undefined && opts.range !== undefined) {
    throw new UsageError('--instances and --range cannot be used together: give a count or a set of instance ids');
  }
  if (opts.instances !== undefined) body.instanceCount = parseInteger('--instances', opts.instances, { min: 1, max: MAX_RANGE_INSTANCES });
  if (opts.range !== undefined) body.advancedRanges = parseRange('--range', opts.range);
  if (opts.result !== undefined) body.resultBucket = parseBucket('--result', opts.result);
  if (opts.dependsOn?.length) body.dependencies = { dependsOn: opts.dependsOn.map((id) => parseUuidOrShortname('--depends-on', id)) };
  const strings: [keyof TaskBodyFlags, string, string][] = [
    ['snapshotWhitelist', 'snapshotWhitelist', '--snapshot-whitelist'],
    ['snapshotBlacklist', 'snapshotBlacklist', '--snapshot-blacklist'],
    ['snapshotBucketPrefix', 'snapshotBucketPrefix', '--snapshot-bucket-prefix'],
    ['resultsWhitelist', 'resultsWhitelist', '--results-whitelist'],
    ['resultsBlacklist', 'resultsBlacklist', '--results-blacklist'],
    ['resultsBucketPrefix', 'resultsBucketPrefix', '--results-bucket-prefix'],
  ];
  for (const [opt, field, flag] of strings) {
    const value = opts[opt];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value === '') throw new UsageError(`${flag} must not be empty`);
    body[field] = value;
  }
  if (opts.snapshotBucket !== undefined) body.snapshotBucket = parseBucket('--snapshot-bucket', opts.snapshotBucket);
  if (opts.resultsBucket !== undefined) body.resultsBucket = parseBucket('--results-bucket', opts.resultsBucket);
  if (opts.waitForPoolResources) body.waitForPoolResourcesSynchronization = true;
  if (opts.uploadResultsOnCancellation) body.uploadResultsOnCancellation = true;
  applyApiFieldFlags(body, opts, 'task');
  return body;
}

/** File fields overridden by flags; a flag replaces the file's alternative field too. */
function finish(flags: Body, file: JsonObject, kind: TaskBodyKind): Body {
  const base: Body = { ...file };
  if ('instanceCount' in flags) delete base.advancedRanges;
  if ('advancedRanges' in flags) delete base.instanceCount;
  if ('profile' in flags) delete base.poolUuid;
  if ('poolUuid' in flags) delete base.profile;
  if ('resourceBuckets' in flags) delete base.advancedResourceBuckets;
  if ('advancedResourceBuckets' in flags) delete base.resourceBuckets;
  const body = mergeBody(base, flags);
  if (kind === 'create' && body.instanceCount == null && body.advancedRanges == null) body.instanceCount = 1;
  return body;
}

function check(where: string, body: Body, kind: TaskBodyKind): void {
  checkCommonFields(where, body, { requireName: kind === 'create' });
  const fail = (field: string, what: string): never => {
    throw new UsageError(`${where}${field}: ${what}`);
  };
  if (kind === 'rerun') {
    for (const field of RERUN_FORBIDDEN) if (body[field] != null) fail(field, 'cannot be set here: the instances and pool come from the source task');
  }
  if (kind === 'clone' && body.poolUuid != null) fail('poolUuid', 'cannot be changed by clone');
  if (body.profile != null && body.poolUuid != null) fail('profile', 'cannot be used with poolUuid: a task in a pool runs with the pool\'s profile');
  if (kind === 'create' && body.profile == null && body.poolUuid == null && body.jobUuid == null) {
    fail('profile', 'required: give --profile (e.g. docker-batch), --pool, or --job of a job in a pool');
  }
  if (body.instanceCount != null && body.advancedRanges != null) fail('instanceCount', 'cannot be used with advancedRanges');
  if (body.instanceCount != null) {
    const n = body.instanceCount;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_RANGE_INSTANCES) {
      fail('instanceCount', `must be an integer between 1 and ${MAX_RANGE_INSTANCES}, got ${JSON.stringify(n)}`);
    }
  }
  if (body.advancedRanges != null) {
    if (typeof body.advancedRanges !== 'string') fail('advancedRanges', 'must be a string like "0-3,7"');
    try {
      parseRange('advancedRanges', body.advancedRanges as string);
    } catch (error) {
      throw new UsageError(`${where}${(error as Error).message}`);
    }
  }
  for (const field of ['profile', 'poolUuid', 'jobUuid', 'resultBucket']) {
    if (body[field] != null && (typeof body[field] !== 'string' || body[field] === '')) fail(field, 'must be a non-empty string');
  }
}
