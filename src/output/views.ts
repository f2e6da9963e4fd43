import type { Job, Pool, Task } from '../api/types.js';
import type { View } from './print.js';

const instances = (t: { instanceCount?: number; totalInstanceCount?: number; advancedRanges?: string | null }) =>
  t.totalInstanceCount || t.instanceCount || (t.advancedRanges ? t.advancedRanges : 0);

const labels = (map: unknown) =>
  map && typeof map === 'object' ? Object.entries(map as Record<string, string>).map(([key, value]) => `${key}=${value}`).join(' ') : undefined;

const keyValues = (list: unknown) => (Array.isArray(list) ? (list as { key: string; value: string }[]).map((c) => `${c.key}=${c.value}`).join(' ') : undefined);

interface Elastic {
  isElastic?: boolean;
  minTotalSlots?: number;
  maxTotalSlots?: number;
  minIdleSlots?: number;
  minIdleTimeSeconds?: number;
}

/** The obsolete elasticProperty, when it is on: its slots and idle settings. */
function elastic(e: Elastic | null | undefined): string | undefined {
  if (!e?.isElastic) return undefined;
  return `slots ${e.minTotalSlots ?? 0}-${e.maxTotalSlots ?? 0}, idle ${e.minIdleSlots ?? 0} for ${e.minIdleTimeSeconds ?? 0}s`;
}

export const taskView: View<Task> = {
  plural: 'tasks',
  schema: 'TaskOutput',
  id: (t) => t.uuid,
  columns: [
    { header: 'UUID', value: (t) => t.uuid, kind: 'id' },
    { header: 'NAME', value: (t) => t.name, identifier: true },
    { header: 'SHORTNAME', value: (t) => (t.shortname === t.uuid ? '' : t.shortname), identifier: true },
    { header: 'STATE', value: (t) => t.state, kind: 'state', shrink: 3 },
    { header: 'PROGRESS', value: (t) => t.progress ?? t.status?.executionProgress, kind: 'percent', drop: 5 },
    { header: 'INSTANCES', value: instances, drop: 2 },
    { header: 'PROFILE', value: (t) => t.profile ?? (t.poolUuid ? 'pool' : ''), drop: 1 },
    { header: 'CREATED', value: (t) => t.creationDate, kind: 'date', drop: 4 },
  ],
  details: [
    { header: 'UUID', value: (t) => t.uuid },
    { header: 'NAME', value: (t) => t.name },
    { header: 'SHORTNAME', value: (t) => t.shortname },
    { header: 'STATE', value: (t) => t.state, kind: 'state' },
    { header: 'PROGRESS', value: (t) => t.progress ?? t.status?.executionProgress, kind: 'percent' },
    { header: 'PROFILE', value: (t) => t.profile },
    { header: 'POOL', value: (t) => t.poolUuid },
    { header: 'JOB', value: (t) => t.jobUuid },
    { header: 'INSTANCES', value: instances },
    { header: 'RUNNING', value: (t) => t.runningInstanceCount },
    { header: 'SUCCEEDED', value: (t) => t.status?.succeededRange, kind: 'instances' },
    { header: 'FAILED', value: (t) => t.status?.failedRange, kind: 'instances' },
    { header: 'CANCELLED', value: (t) => t.status?.cancelledRange, kind: 'instances' },
    { header: 'TAGS', value: (t) => t.tags },
    { header: 'LABELS', value: (t) => labels(t.labels) },
    { header: 'CONSTANTS', value: (t) => keyValues(t.constants) },
    { header: 'ERRORS', value: (t) => t.errors?.map((e) => e.message).join('; ') },
    { header: 'CREATED', value: (t) => t.creationDate, kind: 'date' },
    { header: 'ENDED', value: (t) => t.endDate, kind: 'date' },
    { header: 'WALLTIME', value: (t) => t.wallTime },
  ],
};

export const poolView: View<Pool> = {
  plural: 'pools',
  schema: 'PoolOutput',
  id: (p) => p.uuid,
  columns: [
    { header: 'UUID', value: (p) => p.uuid, kind: 'id' },
    { header: 'NAME', value: (p) => p.name, identifier: true },
    { header: 'SHORTNAME', value: (p) => (p.shortname === p.uuid ? '' : p.shortname), identifier: true },
    { header: 'STATE', value: (p) => p.state, kind: 'state', shrink: 3 },
    { header: 'INSTANCES', value: (p) => p.instanceCount, drop: 5 },
    { header: 'RUNNING', value: (p) => p.runningInstanceCount, drop: 2 },
    { header: 'PROFILE', value: (p) => p.profile, drop: 1 },
    { header: 'CREATED', value: (p) => p.creationDate, kind: 'date', drop: 4 },
  ],
  details: [
    { header: 'UUID', value: (p) => p.uuid },
    { header: 'NAME', value: (p) => p.name },
    { header: 'SHORTNAME', value: (p) => p.shortname },
    { header: 'STATE', value: (p) => p.state, kind: 'state' },
    { header: 'PROFILE', value: (p) => p.profile },
    { header: 'INSTANCES', value: (p) => p.instanceCount },
    { header: 'RUNNING', value: (p) => p.runningInstanceCount },
    { header: 'QUEUED', value: (p) => p.queuedOrRunningTaskInstancesCount },
    { header: 'TAGS', value: (p) => p.tags },
    { header: 'LABELS', value: (p) => labels(p.labels) },
    { header: 'CONSTANTS', value: (p) => keyValues(p.constants) },
    { header: 'ELASTIC', value: (p) => elastic(p.elasticProperty as Elastic | undefined) },
    { header: 'SCALING', value: (p) => (p.scaling as { activePolicyName?: string } | undefined)?.activePolicyName },
    { header: 'CREATED', value: (p) => p.creationDate, kind: 'date' },
    { header: 'ENDED', value: (p) => p.endDate, kind: 'date' },
  ],
};

export const jobView: View<Job> = {
  plural: 'jobs',
  schema: 'JobOutput',
  id: (j) => j.uuid,
  columns: [
    { header: 'UUID', value: (j) => j.uuid, kind: 'id' },
    { header: 'NAME', value: (j) => j.name, identifier: true },
    { header: 'SHORTNAME', value: (j) => (j.shortname === j.uuid ? '' : j.shortname), identifier: true },
    { header: 'STATE', value: (j) => j.state, kind: 'state', shrink: 3 },
    { header: 'POOL', value: (j) => j.poolUuid, kind: 'id', drop: 2 },
    { header: 'DEPENDENCIES', value: (j) => (j.useDependencies ? 'yes' : 'no'), drop: 1 },
    { header: 'CREATED', value: (j) => j.creationDate, kind: 'date', drop: 4 },
  ],
  details: [
    { header: 'UUID', value: (j) => j.uuid },
    { header: 'NAME', value: (j) => j.name },
    { header: 'SHORTNAME', value: (j) => j.shortname },
    { header: 'STATE', value: (j) => j.state, kind: 'state' },
    { header: 'POOL', value: (j) => j.poolUuid },
    { header: 'DEPENDENCIES', value: (j) => (j.useDependencies ? 'yes' : 'no') },
    { header: 'MAX WALL TIME', value: (j) => j.maxWallTime },
    { header: 'TAGS', value: (j) => j.tags },
    { header: 'CREATED', value: (j) => j.creationDate, kind: 'date' },
  ],
};
