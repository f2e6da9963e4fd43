import type { ServerResponse } from 'node:http';
import type { Quotas } from './create.js';
import type { Engine } from './engine/engine.js';
import type { PoolRec, TaskRec } from './model.js';
import type { Persistence } from './persistence.js';
import type { Storage } from './storage/index.js';
import type { Account } from './store.js';
import { ApiError, type Obj } from './util.js';
import { ORGANIZATION_NAME, projectsOf } from './projects.js';

export interface RequestCounters {
  total: number;
  inFlight: number;
  maxInFlight: number;
  /** Pages answered from a rendering made ahead of the request (see read-ahead.ts). */
  pagesReadAhead: number;
  byRoute: Record<string, number>;
}

/** Counts a request under `route` (and in flight until its answer is sent or its connection is gone). */
export function countRequest(counters: RequestCounters, route: string, res: ServerResponse): void {
  counters.total++;
  counters.byRoute[route] = (counters.byRoute[route] ?? 0) + 1;
  counters.inFlight++;
  counters.maxInFlight = Math.max(counters.maxInFlight, counters.inFlight);
  let done = false;
  const finish = () => {
    if (!done) counters.inFlight--;
    done = true;
  };
  res.on('finish', finish);
  res.on('close', finish);
}

/** Everything a route handler needs. */
export interface Core {
  engine: Engine;
  accountsByToken: Map<string, Account>;
  accountsByEmail: Map<string, Account>;
  readGrants: { reader: string; target: string }[];
  quotas: Quotas;
  persistence: Persistence | null;
  counters: RequestCounters;
  startedAt: number;
  storage: Storage;
}

/**
 * Waits until the state including the caller's change is on disk (no-op in memory). When it
 * cannot be saved the request fails with a 503 instead of being acknowledged; a create passes
 * `undo` (remove its records, kill their processes), so that 503 means "not created" and
 * trying again makes exactly one.
 */
export async function durable(core: Core, undo?: () => void): Promise<void> {
  if (!core.persistence) return;
  try {
    await core.persistence.durable();
  } catch (e) {
    undo?.();
    throw unsaved(e, undo ? 'nothing was created' : 'the change is applied but not saved');
  }
}

/**
 * While saving fails, changes are refused before they are made: a client retrying an unsaved
 * change (a DELETE answered 503, then 404) must not take it for a saved one.
 */
export function refuseWhileUnsaved(core: Core): void {
  const failure = core.persistence?.failure;
  if (failure) throw unsaved(failure, 'nothing was changed');
}

function unsaved(error: unknown, outcome: string): ApiError {
  const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new ApiError(503, `The emulator could not save its state (${reason}): ${outcome}. Try again once it can write to its data directory.`);
}

export type Reply = {
  status?: number;
  json?: unknown;
  text?: string;
  /** A body already encoded, with its content-type in `headers` (pages rendered ahead). */
  raw?: Buffer;
  headers?: Record<string, string>;
};

export interface Ctx {
  core: Core;
  /** The account whose resources the request works on (the read-only header may switch it). */
  acc: Account;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Body with keys normalized to camelCase. */
  body: unknown;
  location: (path: string) => string;
}

/** ?tag= filters: any listed tag matches; a value is also split on commas (C# sends `tag=a,b`). */
export function tagFilter(query: URLSearchParams): ((r: { tags: string[] }) => boolean) | null {
  const raw = [...query.entries()].filter(([k]) => k.toLowerCase() === 'tag').map(([, v]) => v);
  if (!raw.length) return null;
  const wanted = new Set<string>();
  for (const v of raw) {
    wanted.add(v);
    for (const part of v.split(',')) if (part) wanted.add(part);
  }
  return (r) => r.tags.some((t) => wanted.has(t));
}

export function queryCi(query: URLSearchParams, name: string): string | null {
  for (const [k, v] of query) if (k.toLowerCase() === name.toLowerCase()) return v;
  return null;
}

export function poolCtx(core: Core, p: PoolRec): { queuedOrRunning: number } {
  return { queuedOrRunning: core.engine.pools.queuedOrRunning(p.uuid) };
}

export function userInfo(core: Core, acc: Account): Obj {
  let runningTasks = 0;
  let runningInstances = 0;
  const isRunning = (t: TaskRec) => !['Success', 'Failure', 'Cancelled'].includes(t.state);
  for (const t of acc.tasks.values()) {
    if (!isRunning(t)) continue;
    runningTasks++;
    for (const id of t.instanceIds) if (t.instances[id]?.state === 'Running') runningInstances++;
  }
  let runningPools = 0;
  for (const p of acc.pools.values()) if (p.state !== 'Closed' && p.state !== 'Closing') runningPools++;
  const q = core.quotas;
  const usage = (maxInstances: number, instances: number) => ({
    maxInstances,
    maxCores: maxInstances * 16,
    runningInstancesCount: instances,
    // The OpenAPI spells runningCoreCount, the SDKs read runningCoresCount: both are served.
    runningCoreCount: instances * 16,
    runningCoresCount: instances * 16,
  });
  const flex = usage(2048, runningInstances);
  const onDemand = usage(0, 0);
  return {
    email: acc.email,
    maxBucket: 100,
    bucketCount: core.storage.store.bucketCount(acc.email),
    maxTask: q.maxTask,
    taskCount: acc.tasks.size,
    maxJob: q.maxJob,
    jobCount: acc.jobs.size,
    maxPool: q.maxPool,
    poolCount: acc.pools.size,
    maxRunningTask: q.maxTask,
    maxRunningPool: q.maxPool,
    runningTaskCount: runningTasks,
    runningPoolCount: runningPools,
    runningInstanceCount: runningInstances,
    runningCoreCount: runningInstances * 16,
    maxInstances: 2048,
    maxCores: 32768,
    maxFlexInstances: 2048,
    maxFlexCores: 32768,
    maxOnDemandInstances: 0,
    maxOnDemandCores: 0,
    computingQuotas: {
      user: { flex, onDemand, reserved: [] },
      organization: {
        name: ORGANIZATION_NAME,
        flex: { ...usage(4096, runningInstances) },
        onDemand: { ...onDemand },
        reserved: [],
        runningCountsPerUser: { [acc.email]: { runningInstancesCount: runningInstances, runningCoresCount: runningInstances * 16 } },
      },
    },
    projects: projectsOf(acc),
    quotaBytes: core.storage.store.quotaBytes ?? 0,
    quotaBytesBucket: core.storage.store.quotaBytes ?? 0,
    usedQuotaBytesBucket: core.storage.store.usedBytes(acc.email),
    usedQuotaBytes: core.storage.store.usedBytes(acc.email),
    defaultScheduling: 'flex',
    defaultReservedSpecificationKey: null,
  };
}
