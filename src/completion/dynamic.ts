// Values that only the API (or the config file) knows: task, pool and job ids
// and shortnames, execution profiles, stored profiles. Every failure is silent.
import type { ConfigStore } from '../config/store.js';
import type { GlobalOptions } from '../context.js';
import type { Task, Pool, Job } from '../api/types.js';
import { JOB } from '../resources/job.js';
import { POOL } from '../resources/pool.js';
import { TASK } from '../resources/task.js';
import { cacheKey, completionCacheDir, readCache, writeCache } from './cache.js';
import type { DynamicResource } from './model.js';
import type { Candidate } from './resolve.js';

/** Most recent items offered: enough for TAB, one page. */
export const DYNAMIC_LIMIT = 100;

export interface DynamicDeps {
  env: NodeJS.ProcessEnv;
  config: () => Promise<ConfigStore>;
  /** Aborts the lookup (the overall budget of a TAB). */
  signal: AbortSignal;
  /** What is typed so far: bucket keys are listed under it. */
  partial?: string;
}

/** `globals`: `profile`, `api-url` and `as` as typed on the line being completed. */
export async function dynamicCandidates(resource: DynamicResource, globals: Record<string, string>, deps: DynamicDeps): Promise<Candidate[]> {
  if (resource === 'config-profile') return storedProfiles(await deps.config());
  const { resolveConnection } = await import('../config/resolve.js');
  const options: GlobalOptions = { color: false, context: globals.context ?? globals.profile, apiUrl: globals['api-url'], as: globals.as };
  const connection = await resolveConnection(options, deps.env, deps.config);
  const token = connection.token;
  if (!token) return [];
  const dir = completionCacheDir(deps.env);
  const folder = resource === 'bucket-location' ? bucketFolder(deps.partial ?? '') : undefined;
  // A local path for sync: the shell completes files.
  if (folder === null) return [];
  const keyOf = (name: string) => cacheKey({ ...connection, token, resource: name });
  const key = keyOf(folder === undefined ? resource : `${resource}:${folder}`);
  const cached = readCache(dir, key);
  // Only the newest items are listed: a prefix none of them has is asked of the API (sl<TAB> finds "slow").
  let prefix = searchablePrefix(resource, deps.partial, cached);
  if (cached && !prefix) return cached;
  const prefixed = prefix ? readCache(dir, keyOf(`${resource}:prefix:${prefix}`)) : undefined;
  if (prefixed) return prefixed;
  // Loaded only on a cache miss: the HTTP stack is the heaviest part of start-up.
  const { createHttp } = await import('../api/http.js');
  const { DEFAULT_RETRY_POLICY } = await import('../api/retry.js');
  const { systemIO } = await import('../output/io.js');
  const http = createHttp(connection, {
    io: systemIO({ env: deps.env, colorFlag: false }, null),
    globals: options,
    signal: deps.signal,
    // The caller's signal is the only deadline; a TAB never waits for a retry.
    longRunning: true,
    retryPolicy: { ...DEFAULT_RETRY_POLICY, maxRetries: 0 },
  });
  // Idle keep-alive sockets do not hold the process open: nothing to close.
  if (resource === 'bucket' || resource === 'bucket-location') {
    const buckets = await bucketCandidates({ connection: async () => connection, config: deps.config, api: async () => http, env: deps.env, globals: options }, deps.signal, folder);
    writeCache(dir, key, buckets);
    return buckets;
  }
  if (!cached) {
    const newest = await fetchCandidates(http, resource);
    writeCache(dir, key, newest);
    prefix = searchablePrefix(resource, deps.partial, newest);
    if (!prefix) return newest;
  }
  const found = await fetchCandidates(http, resource, prefix);
  writeCache(dir, keyOf(`${resource}:prefix:${prefix!}`), found);
  return found;
}

type HttpClient = import('../api/http.js').Http;

/**
 * What a bucket location lists: '' for the bucket names, `bucket/dir/` for the keys
 * and folders in that folder; null for a local path (./x, /x, ~/x).
 */
export function bucketFolder(partial: string): string | undefined | null {
  if (/^(\.|\/|~)/.test(partial)) return null;
  const text = partial.startsWith('s3://') ? partial.slice(5) : partial;
  const slash = text.lastIndexOf('/');
  return slash < 0 ? '' : text.slice(0, slash + 1);
}

type StorageDeps = Parameters<typeof import('../storage/endpoint.js').resolveStorageEndpoint>[0];

async function bucketCandidates(deps: StorageDeps, signal: AbortSignal, folder: string | undefined): Promise<Candidate[]> {
  const [{ resolveStorageEndpoint }, { S3Client }, { listBuckets, listObjects }] = await Promise.all([
    import('../storage/endpoint.js'),
    import('../storage/client.js'),
    import('../storage/objects.js'),
  ]);
  const s3 = new S3Client(await resolveStorageEndpoint(deps), { signal, retryPolicy: { maxRetries: 0, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 } });
  try {
    if (!folder) {
      const slash = folder === '' ? '/' : '';
      return (await listBuckets(s3)).map((b) => ({ value: `${b.name}${slash}` }));
    }
    const at = folder.indexOf('/');
    const bucket = folder.slice(0, at);
    for await (const page of listObjects(s3, bucket, { prefix: folder.slice(at + 1), delimiter: '/' })) {
      return [...page.prefixes.map((p) => ({ value: `${bucket}/${p}` })), ...page.objects.map((o) => ({ value: `${bucket}/${o.key}` }))].slice(0, DYNAMIC_LIMIT * 10);
    }
    return [];
  } finally {
    s3.close();
  }
}

/** The typed prefix to search for: a task, pool or job prefix that no cached candidate has. */
function searchablePrefix(resource: DynamicResource, partial: string | undefined, cached: Candidate[] | undefined): string | undefined {
  if (resource !== 'task' && resource !== 'pool' && resource !== 'job') return undefined;
  if (!partial || !cached || /['"\\]/.test(partial)) return undefined;
  return cached.some((c) => c.value.startsWith(partial)) ? undefined : partial;
}

async function fetchCandidates(http: HttpClient, resource: Exclude<DynamicResource, 'config-profile' | 'bucket' | 'bucket-location'>, prefix?: string): Promise<Candidate[]> {
  if (resource === 'exec-profile') {
    const { profileNames } = await import('../api/account.js');
    return (await profileNames(http)).map((name) => ({ value: name }));
  }
  const { walkPages } = await import('../api/paginate.js');
  const { paths } = { task: TASK, pool: POOL, job: JOB }[resource];
  const path = paths.summaries ?? paths.paginate;
  let filter: unknown = null;
  if (prefix !== undefined) {
    const { compileWhere } = await import('../search/index.js');
    filter = compileWhere(`shortname like '${prefix}*' or name like '${prefix}*'`, resource, new Date());
  }
  const request = { filter: filter as null, orderBy: 'creationDate', orderType: 'DESC' as const };
  for await (const page of walkPages<Task | Pool | Job>(http, path, request, { limit: DYNAMIC_LIMIT, pageSize: DYNAMIC_LIMIT })) {
    return page.flatMap(itemCandidates);
  }
  return [];
}

/** The uuid and, when there is one, the shortname; the name (and state) as the description. */
export function itemCandidates(item: { uuid: string; shortname?: string | null; name?: string | null; state?: string | null }): Candidate[] {
  const description = [item.name, item.state ? `(${item.state})` : ''].filter(Boolean).join(' ');
  const out: Candidate[] = [{ value: item.uuid, description }];
  if (item.shortname && item.shortname !== item.uuid) out.push({ value: item.shortname, description });
  return out;
}

function storedProfiles(store: ConfigStore): Candidate[] {
  const active = store.activeProfileName();
  return Object.entries(store.profiles()).map(([name, p]) => ({
    value: name,
    description: [p.apiUrl, name === active ? '(active)' : ''].filter(Boolean).join(' '),
  }));
}
