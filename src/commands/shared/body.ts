/**
 * Flags → API request body, for every resource that takes the same creation
 * fields (tasks and pools): constants, tags, labels, resource buckets,
 * hardware constraints, retry settings, scheduling, auto-delete, privileges.
 *
 * Kept light (no network, no heavy imports): the option declarations here
 * are called from the nouns' index.ts at start-up.
 */
import { UsageError } from '../../errors.js';
import {
  parseConstantKey,
  parseDuration,
  parseEnum,
  parseInteger,
  parseKeyValueList,
  parseLabels,
  parseNumber,
  parseShortname,
  parseTags,
  quote,
  refuseControlCharacters,
  type KeyValue,
} from '../../lib/parse.js';
import { msToTimeSpan } from '../../lib/timespan.js';
import { SCHEDULING_TYPES } from './body-options.js';

export type Body = Record<string, unknown>;

/** The flags body.ts understands; a command may declare only some of them. */
export interface BodyFlags {
  name?: string;
  shortname?: string;
  constant?: string[];
  tag?: string[];
  label?: string[];
  resources?: string[];
  minCores?: string;
  maxCores?: string;
  minRam?: string;
  maxRam?: string;
  minRamRatio?: string;
  maxRamRatio?: string;
  gpu?: boolean;
  ssd?: boolean;
  cpuModel?: string;
  hardware?: string[];
  maxRetriesPerInstance?: string;
  maxTotalRetries?: string;
  scheduling?: string;
  reservedMachine?: string;
  autoDelete?: boolean;
  ttl?: string;
  exportCredentials?: boolean;
  /** Set by addSwitchPair when both `--x` and `--no-x` were given. */
  [conflict: `${string}BothGiven`]: boolean | undefined;
}

export { SCHEDULING_TYPES };

// ---- Conversions ----------------------------------------------------------

export function parseConstants(flag: string, raws: readonly string[]): KeyValue[] {
  const byKey = new Map<string, string>();
  for (const { key, value } of parseKeyValueList(flag, raws)) byKey.set(parseConstantKey(flag, key), value);
  return [...byKey].map(([key, value]) => ({ key, value }));
}

const SIZE_RE = /^(\d+(?:\.\d+)?)\s*([kmgt]i?b?|b)?$/i;
const SIZE_MB: Record<string, number> = { b: 1 / (1024 * 1024), k: 1 / 1024, m: 1, g: 1024, t: 1024 * 1024 };

/** `4096` (MB), `4G`, `512M`, `1.5GiB` → megabytes. */
/** No machine has more: a larger size is a typo. */
const MAX_SIZE_MB = 1024 ** 3;

/** Longer names are refused before they are sent (the API stores names for display). */
export const NAME_MAX_LENGTH = 1024;

export function checkName(flag: string, name: string): string {
  if (name.trim() === '') throw new UsageError(`${flag} must not be empty`);
  if (name.length > NAME_MAX_LENGTH) throw new UsageError(`${flag} must be at most ${NAME_MAX_LENGTH} characters, got ${name.length}`);
  refuseControlCharacters(flag, name);
  return name;
}

export function parseSizeMB(flag: string, raw: string): number {
  const m = SIZE_RE.exec(raw.trim());
  const unit = m?.[2]?.[0]?.toLowerCase() ?? 'm';
  const mb = m ? Number(m[1]) * SIZE_MB[unit]! : NaN;
  if (!Number.isFinite(mb) || mb <= 0) {
    throw new UsageError(`${flag} expects a size like 4096 (MB), 512M or 4G, got ${quote(raw)}`);
  }
  if (mb > MAX_SIZE_MB) throw new UsageError(`${flag} must be at most 1048576G (1 PiB), got ${quote(raw)}`);
  return Math.round(mb * 1000) / 1000;
}

export interface HardwareConstraintBody {
  discriminator: string;
  [key: string]: unknown;
}

/** api-notes §2.4; undefined when no hardware flag was given. */
export function hardwareConstraintsFromFlags(opts: BodyFlags): HardwareConstraintBody[] | undefined {
  const out: HardwareConstraintBody[] = [];
  if (opts.gpuBothGiven) throw new UsageError('--gpu and --no-gpu cannot be used together');
  if (opts.ssdBothGiven) throw new UsageError('--ssd and --no-ssd cannot be used together');
  const minCores = opts.minCores === undefined ? undefined : parseInteger('--min-cores', opts.minCores, { min: 1 });
  const maxCores = opts.maxCores === undefined ? undefined : parseInteger('--max-cores', opts.maxCores, { min: 1 });
  if (minCores !== undefined && maxCores !== undefined && minCores > maxCores) {
    throw new UsageError(`--min-cores (${minCores}) must not exceed --max-cores (${maxCores})`);
  }
  const minRam = opts.minRam === undefined ? undefined : parseSizeMB('--min-ram', opts.minRam);
  const maxRam = opts.maxRam === undefined ? undefined : parseSizeMB('--max-ram', opts.maxRam);
  if (minRam !== undefined && maxRam !== undefined && minRam > maxRam) {
    throw new UsageError(`--min-ram (${minRam} MB) must not exceed --max-ram (${maxRam} MB)`);
  }
  const ratio = (flag: string, raw: string | undefined) => (raw === undefined ? undefined : parseNumber(flag, raw, { min: 0, exclusiveMin: true }));
  const minRatio = ratio('--min-ram-ratio', opts.minRamRatio);
  const maxRatio = ratio('--max-ram-ratio', opts.maxRamRatio);
  if (minRatio !== undefined && maxRatio !== undefined && minRatio > maxRatio) {
    throw new UsageError(`--min-ram-ratio (${minRatio}) must not exceed --max-ram-ratio (${maxRatio})`);
  }
  if (minCores !== undefined) out.push({ discriminator: 'MinimumCoreHardwareConstraint', coreCount: minCores });
  if (maxCores !== undefined) out.push({ discriminator: 'MaximumCoreHardwareConstraint', coreCount: maxCores });
  if (minRam !== undefined) out.push({ discriminator: 'MinimumRamHardwareConstraint', minimumMemoryMB: minRam });
  if (maxRam !== undefined) out.push({ discriminator: 'MaximumRamHardwareConstraint', maximumMemoryMB: maxRam });
  if (minRatio !== undefined) out.push({ discriminator: 'MinimumRamCoreRatioHardwareConstraint', minimumMemoryGBCoreRatio: minRatio });
  if (maxRatio !== undefined) out.push({ discriminator: 'MaximumRamCoreRatioHardwareConstraint', maximumMemoryGBCoreRatio: maxRatio });
  if (opts.gpu !== undefined) out.push({ discriminator: opts.gpu ? 'GpuHardwareConstraint' : 'NoGpuHardwareConstraint' });
  if (opts.ssd !== undefined) out.push({ discriminator: opts.ssd ? 'SSDHardwareConstraint' : 'NoSSDHardwareConstraint' });
  if (opts.cpuModel !== undefined) {
    if (opts.cpuModel.trim() === '') throw new UsageError('--cpu-model must not be empty');
    out.push({ discriminator: 'CpuModelHardwareConstraint', cpuModel: opts.cpuModel });
  }
  for (const key of opts.hardware ?? []) {
    if (key.trim() === '') throw new UsageError('--hardware expects a machine specification key, got ""');
    out.push({ discriminator: 'SpecificHardwareConstraint', specificationKey: key });
  }
  return out.length ? out : undefined;
}

export interface RetrySettingsBody {
  maxTotalRetries?: number;
  maxPerInstanceRetries?: number;
}

/** Place the result under `retrySettings` (tasks) or `defaultRetrySettings` (pools). */
function retrySettingsFromFlags(opts: BodyFlags): RetrySettingsBody | undefined {
  const out: RetrySettingsBody = {};
  if (opts.maxRetriesPerInstance !== undefined) {
    out.maxPerInstanceRetries = parseInteger('--max-retries-per-instance', opts.maxRetriesPerInstance, { min: 0 });
  }
  if (opts.maxTotalRetries !== undefined) out.maxTotalRetries = parseInteger('--max-total-retries', opts.maxTotalRetries, { min: 0 });
  return Object.keys(out).length ? out : undefined;
}

// Loose on purpose: storage decides what a bucket name is; this only catches typos.
const BUCKET_RE = /^[^\s/]{1,255}$/;

export function parseBucket(flag: string, raw: string): string {
  if (!BUCKET_RE.test(raw)) {
    throw new UsageError(`${flag} expects a bucket name (no spaces or "/"), got ${quote(raw)}`);
  }
  return raw;
}

/**
 * `--resources BUCKET` or `--resources BUCKET/PREFIX/` (repeatable). Plain
 * names go to `resourceBuckets`; as soon as one has a prefix, all go to
 * `advancedResourceBuckets` (the API refuses the two together).
 */
export function resourceBucketsFromFlags(raws: readonly string[] | undefined, flag = '--resources'): Body | undefined {
  if (!raws?.length) return undefined;
  const parsed = raws.map((raw) => {
    const slash = raw.indexOf('/');
    const bucket = parseBucket(flag, slash < 0 ? raw : raw.slice(0, slash));
    const prefix = slash < 0 ? undefined : raw.slice(slash + 1);
    return { bucket, prefix: prefix === '' ? undefined : prefix };
  });
  if (parsed.every((p) => p.prefix === undefined)) return { resourceBuckets: parsed.map((p) => p.bucket) };
  return {
    advancedResourceBuckets: parsed.map((p) => ({
      bucketName: p.bucket,
      filtering: p.prefix === undefined ? null : { prefixFiltering: { prefix: p.prefix } },
      resourcesTransformation: null,
    })),
  };
}

/** Fields common to task and pool bodies. `retryKey` names where retry settings go. */
export function commonBodyFromFlags(opts: BodyFlags, { retryKey }: { retryKey: 'retrySettings' | 'defaultRetrySettings' }): Body {
  const body: Body = {};
  if (opts.name !== undefined) {
    body.name = checkName('--name', opts.name);
  }
  if (opts.shortname !== undefined) body.shortname = parseShortname('--shortname', opts.shortname);
  if (opts.constant?.length) body.constants = parseConstants('--constant', opts.constant);
  if (opts.tag?.length) body.tags = parseTags('--tag', opts.tag);
  if (opts.label?.length) body.labels = parseLabels('--label', opts.label);
  Object.assign(body, resourceBucketsFromFlags(opts.resources));
  const hardware = hardwareConstraintsFromFlags(opts);
  if (hardware) body.hardwareConstraints = hardware;
  const retry = retrySettingsFromFlags(opts);
  if (retry) body[retryKey] = retry;
  if (opts.scheduling !== undefined) body.schedulingType = parseEnum('--scheduling', opts.scheduling, SCHEDULING_TYPES);
  if (opts.reservedMachine !== undefined) {
    if (opts.reservedMachine.trim() === '') throw new UsageError('--reserved-machine must not be empty');
    if (body.schedulingType !== undefined && body.schedulingType !== 'reserved') {
      throw new UsageError(`--reserved-machine needs --scheduling reserved, got --scheduling ${String(body.schedulingType)}`);
    }
    body.schedulingType = 'reserved';
    body.targetedReservedMachineKey = opts.reservedMachine;
  }
  if (opts.autoDelete) body.autoDeleteOnCompletion = true;
  if (opts.ttl !== undefined) body.completionTimeToLive = msToTimeSpan(parseDuration('--ttl', opts.ttl));
  if (opts.exportCredentials) body.privileges = { exportApiAndStorageCredentialsInEnvironment: true };
  return body;
}

// ---- Merging and checking a file's body -----------------------------------

/**
 * Flags override the file field by field. Constants and labels merge by key
 * (a flag's KEY replaces the file's KEY, other keys stay); retry settings
 * and privileges merge by property; anything else given by a flag replaces
 * the file's value.
 */
export function mergeBody(file: Body, flags: Body): Body {
  const out: Body = { ...file };
  for (const [key, value] of Object.entries(flags)) {
    const current = out[key];
    if (key === 'constants' && Array.isArray(current)) {
      out[key] = mergeKeyValues(current as KeyValue[], value as KeyValue[]);
    } else if (isPlainObject(current) && isPlainObject(value) && (key === 'labels' || /retrySettings$/i.test(key) || key === 'privileges')) {
      out[key] = { ...current, ...value };
    } else {
      out[key] = value;
    }
  }
  return out;
}

function mergeKeyValues(base: KeyValue[], overrides: KeyValue[]): KeyValue[] {
  const map = new Map<string, string>();
  for (const kv of base) if (kv && typeof kv.key === 'string') map.set(kv.key, kv.value);
  for (const kv of overrides) map.set(kv.key, kv.value);
  return [...map].map(([key, value]) => ({ key, value }));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks the fields a person most often gets wrong in a file, so a bad file
 * exits 2 naming the field instead of reaching the API. `where` prefixes the
 * message (e.g. `-f tasks.yaml: item 2:`). Unknown fields are left to the API.
 */
export function checkCommonFields(where: string, body: Body, { requireName }: { requireName: boolean }): void {
  const fail = (field: string, what: string): never => {
    throw new UsageError(`${where}${field}: ${what}`);
  };
  if (body.name === undefined || body.name === null) {
    if (requireName) fail('name', 'required; give --name or a "name" field');
  } else if (typeof body.name !== 'string' || body.name.trim() === '') fail('name', 'must be a non-empty string');
  else if (body.name.length > NAME_MAX_LENGTH) fail('name', `must be at most ${NAME_MAX_LENGTH} characters, got ${body.name.length}`);
  else rethrowWithPrefix(where, () => refuseControlCharacters('name', body.name as string));
  if (body.shortname !== undefined && body.shortname !== null) {
    if (typeof body.shortname !== 'string') fail('shortname', 'must be a string');
    parseShortnameField(where, body.shortname as string);
  }
  if (body.tags !== undefined && body.tags !== null) {
    if (!Array.isArray(body.tags) || body.tags.some((t) => typeof t !== 'string')) fail('tags', 'must be an array of strings');
    rethrowWithPrefix(where, () => parseTags('tags', body.tags as string[]));
  }
  if (body.constants !== undefined && body.constants !== null) {
    const ok =
      Array.isArray(body.constants) &&
      body.constants.every((c) => isPlainObject(c) && typeof c.key === 'string' && c.key !== '' && (c.value === null || typeof c.value === 'string'));
    if (!ok) fail('constants', 'must be an array of {"key": "...", "value": "..."} with string values');
  }
  if (body.labels !== undefined && body.labels !== null) {
    if (!isPlainObject(body.labels) || Object.values(body.labels).some((v) => typeof v !== 'string')) {
      fail('labels', 'must be an object of string values');
    }
  }
  if (body.schedulingType !== undefined && body.schedulingType !== null) {
    if (typeof body.schedulingType !== 'string') fail('schedulingType', `must be one of ${SCHEDULING_TYPES.join(', ')}`);
    rethrowWithPrefix(where, () => parseEnum('schedulingType', body.schedulingType as string, SCHEDULING_TYPES));
  }
}

function parseShortnameField(where: string, raw: string): void {
  rethrowWithPrefix(where, () => parseShortname('shortname', raw));
}

function rethrowWithPrefix(where: string, fn: () => unknown): void {
  try {
    fn();
  } catch (error) {
    if (error instanceof UsageError && where) throw new UsageError(`${where}${error.message}`);
    throw error;
  }
}
