import { randomUUID } from 'node:crypto';

/** Error carrying an HTTP status; `body` overrides the default `{message}` shape (ProblemDetails). */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    message: string,
    public readonly body?: unknown,
    public readonly contentType?: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string): ApiError => new ApiError(400, message);
export const notFound = (message: string): ApiError => new ApiError(404, message);
export const forbidden = (message: string): ApiError => new ApiError(403, message);

export function problem(status: number, title: string, detail: string, errors?: Record<string, string[]>): ApiError {
  const body: Record<string, unknown> = { type: null, title, status, detail, instance: null };
  if (errors) body.errors = errors;
  return new ApiError(status, detail, body, 'application/problem+json; charset=utf-8');
}

export const newUuid = (): string => randomUUID();

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string): boolean => UUID_RE.test(s);

export const UNSET_DATE = '0001-01-01T00:00:00Z';
// Bulk-created records share timestamps and every output repeats them: memoize the formatting.
const isoCache = new Map<number, string>();
export const isoDate = (ms: number | null | undefined): string | null => {
  if (ms === null || ms === undefined) return null;
  let s = isoCache.get(ms);
  if (s === undefined) {
    if (isoCache.size > 50_000) isoCache.clear();
    s = new Date(ms).toISOString();
    isoCache.set(ms, s);
  }
  return s;
};

/** .NET TimeSpan text (`[d.]hh:mm:ss[.fffffff]`), which is what the API emits for durations. */
export function formatTimeSpan(ms: number): string {
  const neg = ms < 0;
  let rest = Math.abs(Math.round(ms));
  const days = Math.floor(rest / 86_400_000);
  rest -= days * 86_400_000;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = Math.floor(rest / 1000);
  const frac = rest - s * 1000;
  const pad = (n: number) => String(n).padStart(2, '0');
  let out = `${days ? `${days}.` : ''}${pad(h)}:${pad(m)}:${pad(s)}`;
  if (frac) out += `.${String(frac * 10_000).padStart(7, '0')}`;
  return (neg ? '-' : '') + out;
}

const TIMESPAN_RE = /^(-)?(?:(\d+)\.)?(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,7}))?)?$/;
/** Parses a TimeSpan (also accepts plain seconds as a number); returns null when malformed. */
export function parseTimeSpan(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v * 1000;
  if (typeof v !== 'string') return null;
  const m = TIMESPAN_RE.exec(v.trim());
  if (!m) return null;
  const [, neg, d, h, mi, s, f] = m;
  const ms =
    Number(d ?? 0) * 86_400_000 +
    Number(h) * 3_600_000 +
    Number(mi) * 60_000 +
    Number(s ?? 0) * 1000 +
    (f ? Number(`0.${f}`) * 1000 : 0);
  return neg ? -ms : ms;
}

/** Parses `"0-2,4"` into sorted unique ids; null when malformed. */
export function parseRanges(spec: string): number[] | null {
  const out = new Set<number>();
  const text = spec.trim();
  if (text === '') return [];
  for (const part of text.split(',')) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    if (!m) return null;
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (b < a || b - a > 100_000) return null;
    for (let i = a; i <= b; i++) out.add(i);
    if (out.size > 100_000) return null;
  }
  return [...out].sort((x, y) => x - y);
}

export function formatRanges(ids: Iterable<number>): string {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Case-insensitive property read, because the C# SDK sends PascalCase keys. */
export function ci(obj: unknown, key: string): unknown {
  if (!isObj(obj)) return undefined;
  if (key in obj) return obj[key];
  const lower = key.toLowerCase();
  for (const k of Object.keys(obj)) if (k.toLowerCase() === lower) return obj[k];
  return undefined;
}

/**
 * Rewrites keys to camelCase, recursively, so handlers only deal with one spelling.
 * Maps whose keys are user data (labels) are left alone.
 */
export function camelizeKeys(v: unknown, keepKeysOf: ReadonlySet<string> = USER_KEYED_MAPS): unknown {
  if (Array.isArray(v)) return v.map((x) => camelizeKeys(x, keepKeysOf));
  if (!isObj(v)) return v;
  const out: Obj = {};
  for (const [k, val] of Object.entries(v)) {
    const ck = canonicalKey(k);
    out[ck] = keepKeysOf.has(ck) ? val : camelizeKeys(val, keepKeysOf);
  }
  return out;
}
const USER_KEYED_MAPS = new Set(['labels']);

const KNOWN_KEYS = new Map<string, string>();
for (const k of `advancedRanges advancedResourceBuckets autoDeleteOnCompletion blacklist bucket bucketName bucketPrefix byPrefix bySecret cacheTTLSec commandLine completionTimeToLive constantName constants days defaultResourcesCacheTTLSec defaultRetrySettings dependencies dependsOn advancedDependsOn taskUuid taskFinalStateCondition discriminator elasticProperty enabledPeriods endTimeUtc startTimeUtc exportApiAndStorageCredentialsInEnvironment field fields filter filters filtering forceExportInEnvironment forcedConstants forcedNetworkRules forcedValue hardwareConstraints instanceCount interval isElastic jobUuid key labels maxPerInstanceRetries maxRetriesPerInstance maxTotalRetries maxTotalSlots maxWallTime maximumResults minIdleSlots minIdleTimeSeconds minTotalSlots name nextToken operator orderBy orderType policies poolUuid prefix prefixFiltering preparationTask privileges profile rampResizeFactor resizePeriod resourceBuckets resourcesTransformation resultBucket resultsBlacklist resultsBucket resultsBucketPrefix resultsCacheTTLSec resultsWhitelist retrySettings scaling scalingFactor schedulingType secretsAccessRights select shortname slotsCount snapshotBlacklist snapshotBucket snapshotBucketPrefix snapshotInterval snapshotWhitelist stripPrefix tags targetedReservedMachineKey targetedReservationName taskDefaultWaitForPoolResourcesSynchronization token type uploadResultsOnCancellation useDependencies value values waitForPoolResourcesSynchronization whitelist coreCount minimumMemoryMB maximumMemoryMB minimumMemoryGBCoreRatio maximumMemoryGBCoreRatio specificationKey cpuModel multiSlotsSettings slotsPerNode maxTimeQueueSeconds projectUuid constraints access inbound proto`.split(/\s+/)) {
  KNOWN_KEYS.set(k.toLowerCase(), k);
}
function canonicalKey(k: string): string {
  return KNOWN_KEYS.get(k.toLowerCase()) ?? (k.length ? k[0]!.toLowerCase() + k.slice(1) : k);
}

/** Case-insensitive enum match returning the canonical spelling, or undefined. */
export function matchEnum<T extends string>(v: unknown, values: readonly T[]): T | undefined {
  if (typeof v !== 'string') return undefined;
  const lower = v.toLowerCase();
  return values.find((x) => x.toLowerCase() === lower);
}

export function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
