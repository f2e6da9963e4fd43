import type { Engine } from './lifecycle.js';
import type { AdvancedDependency, InstanceRec, JobRec, PoolRec, TaskRec } from './model.js';
import type { Account } from './store.js';
import { badRequest, forbidden, isObj, matchEnum, newUuid, type Obj } from './util.js';
import {
  MAX_POOL_CONSTANTS,
  MAX_TASK_CONSTANTS,
  checkBoolean,
  checkBuckets,
  checkConstants,
  checkHardwareConstraints,
  checkInstances,
  checkLabels,
  checkPoolScaling,
  checkProfile,
  checkRetry,
  checkSchedulingType,
  checkShortname,
  checkTags,
  checkTimeSpan,
  invalid,
  requireName,
} from './validation.js';
import { checkTodayFields } from './validation-fields.js';

export interface Quotas {
  maxTask: number;
  maxPool: number;
  maxJob: number;
}

function newInstance(id: number): InstanceRec {
  return { id, state: 'Queued', phase: null, attempts: 0, firstStart: null, start: null, execStart: null, end: null, execMs: 0, error: null, slot: null, pid: null };
}

function resolveTaskRef(acc: Account, ref: unknown, field: string): string {
  if (typeof ref !== 'string' || ref === '') throw invalid(field, 'must be a task uuid.');
  const t = acc.find('task', ref);
  if (!t) throw invalid(field, `unknown task '${ref}'.`);
  return t.uuid;
}

function checkDependencies(acc: Account, v: unknown): { dependsOn: string[]; advanced: AdvancedDependency[] | null } {
  if (v === undefined || v === null) return { dependsOn: [], advanced: null };
  if (!isObj(v)) throw invalid('dependencies', 'must be an object {dependsOn: [...]}.');
  const dependsOn: string[] = [];
  if (v.dependsOn !== undefined && v.dependsOn !== null) {
    if (!Array.isArray(v.dependsOn)) throw invalid('dependencies.dependsOn', 'must be an array of task uuids.');
    v.dependsOn.forEach((d, i) => dependsOn.push(resolveTaskRef(acc, d, `dependencies.dependsOn[${i}]`)));
  }
  let advanced: AdvancedDependency[] | null = null;
  if (Array.isArray(v.advancedDependsOn)) {
    advanced = v.advancedDependsOn.map((d, i) => {
      if (!isObj(d)) throw invalid(`dependencies.advancedDependsOn[${i}]`, 'must be an object.');
      const uuid = resolveTaskRef(acc, d.taskUuid, `dependencies.advancedDependsOn[${i}].taskUuid`);
      let cond: string[] | null = null;
      if (Array.isArray(d.taskFinalStateCondition)) {
        cond = d.taskFinalStateCondition.map((c, k) => {
          const m = matchEnum(c, ['success', 'failure', 'cancelled'] as const);
          if (!m) throw invalid(`dependencies.advancedDependsOn[${i}].taskFinalStateCondition[${k}]`, `'${String(c)}' is not success, failure or cancelled.`);
          return m;
        });
      }
      return { taskUuid: uuid, taskFinalStateCondition: cond };
    });
  }
  return { dependsOn, advanced };
}

/** Validates a TaskCreationInput (camelCase) and builds the record; does not register it. */
export function buildTask(acc: Account, input: Obj, quotas: Quotas, pendingInBatch = 0): TaskRec {
  if (acc.tasks.size + pendingInBatch >= quotas.maxTask) throw forbidden('Maximum number of tasks reached');
  const name = requireName(input);
  const uuid = newUuid();
  const shortname = checkShortname(acc, 'task', input.shortname, uuid);
  const tags = checkTags(input.tags);
  const constants = checkConstants(input.constants, MAX_TASK_CONSTANTS);
  const labels = checkLabels(input.labels);
  const inst = checkInstances(input);
  checkBuckets(input);
  const hardware = checkHardwareConstraints(input.hardwareConstraints);
  const scheduling = checkSchedulingType(input.schedulingType);
  const retry = checkRetry(input);
  checkTimeSpan('completionTimeToLive', input.completionTimeToLive);
  checkBoolean('autoDeleteOnCompletion', input.autoDeleteOnCompletion);
  checkBoolean('waitForPoolResourcesSynchronization', input.waitForPoolResourcesSynchronization);

  let jobUuid: string | null = null;
  let poolUuid: string | null = null;
  if (input.jobUuid !== undefined && input.jobUuid !== null && input.jobUuid !== '') {
    const job = acc.find('job', String(input.jobUuid));
    if (!job) throw invalid('jobUuid', `unknown job '${String(input.jobUuid)}'.`);
    if (job.state !== 'Active') throw invalid('jobUuid', `the job is ${job.state}: tasks can only be added to an Active job.`);
    jobUuid = job.uuid;
    if (job.poolUuid && (input.poolUuid === undefined || input.poolUuid === null) && !input.profile) poolUuid = job.poolUuid;
  }
  const hasProfile = input.profile !== undefined && input.profile !== null && input.profile !== '';
  const hasPool = (input.poolUuid !== undefined && input.poolUuid !== null && input.poolUuid !== '') || poolUuid !== null;
  if (hasProfile && hasPool) throw invalid('poolUuid', 'a task takes either a profile or a poolUuid, not both.');
  if (!hasProfile && !hasPool) throw invalid('profile', 'a task needs a profile or a poolUuid.');
  let profile: string | null = null;
  if (hasProfile) profile = checkProfile(input.profile);
  else {
    const pool = acc.find('pool', String(poolUuid ?? input.poolUuid));
    if (!pool) throw invalid('poolUuid', `unknown pool '${String(poolUuid ?? input.poolUuid)}'.`);
    if (pool.state === 'Closing' || pool.state === 'Closed' || pool.state === 'PendingDelete') {
      throw invalid('poolUuid', `the pool is ${pool.state}.`);
    }
    poolUuid = pool.uuid;
    if (hardware && hardware.length) throw invalid('hardwareConstraints', 'a task running in a pool cannot have hardware constraints.');
  }
  const deps = checkDependencies(acc, input.dependencies);

  const normalized: Obj = { ...input, ...checkTodayFields(acc, input, 'task') };
  if (hardware) normalized.hardwareConstraints = hardware;
  if (scheduling) normalized.schedulingType = scheduling;
  const instances: Record<number, InstanceRec> = {};
  for (const id of inst.ids) instances[id] = newInstance(id);
  return {
    kind: 'task',
    uuid,
    name,
    shortname,
    tags,
    ...creationStamp(acc, 'Submitted'),
    profile,
    poolUuid,
    jobUuid,
    instanceCount: inst.instanceCount,
    advancedRanges: inst.advancedRanges,
    instanceIds: inst.ids,
    input: normalized,
    constants,
    labels,
    instances,
    errors: [],
    dependsOn: deps.dependsOn,
    advancedDependsOn: deps.advanced,
    dependencyState: deps.dependsOn.length || deps.advanced ? 'waiting' : null,
    maxPerInstanceRetries: retry.perInstance,
    maxTotalRetries: retry.total,
    totalRetriesUsed: 0,
    executionStart: null,
    snapshotInterval: 0,
    snapshotWhitelist: input.snapshotWhitelist ?? null,
    snapshotBlacklist: input.snapshotBlacklist ?? null,
    snapshotBucket: input.snapshotBucket ?? null,
    snapshotBucketPrefix: input.snapshotBucketPrefix ?? null,
    snapshots: [],
    cancelRequested: false,
    deleteWhenCancelled: false,
  };
}

export function buildPool(acc: Account, input: Obj, quotas: Quotas): PoolRec {
  if (acc.pools.size >= quotas.maxPool) throw forbidden('Maximum number of pools reached');
  const name = requireName(input);
  const profile = checkProfile(input.profile);
  const uuid = newUuid();
  const shortname = checkShortname(acc, 'pool', input.shortname, uuid);
  const tags = checkTags(input.tags);
  const constants = checkConstants(input.constants, MAX_POOL_CONSTANTS);
  const labels = checkLabels(input.labels);
  const count = input.instanceCount ?? 1;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) throw invalid('instanceCount', 'must be an integer of at least 1.');
  if (count > 2048) throw invalid('instanceCount', 'at most 2048 instances are allowed.');
  checkBuckets(input);
  const hardware = checkHardwareConstraints(input.hardwareConstraints);
  const scheduling = checkSchedulingType(input.schedulingType);
  const scaling = checkPoolScaling(input.scaling);
  checkTimeSpan('completionTimeToLive', input.completionTimeToLive);
  if (input.elasticProperty !== undefined && input.elasticProperty !== null && !isObj(input.elasticProperty)) {
    throw invalid('elasticProperty', 'must be an object.');
  }
  const normalized: Obj = { ...input, ...checkTodayFields(acc, input, 'pool') };
  if (hardware) normalized.hardwareConstraints = hardware;
  if (scheduling) normalized.schedulingType = scheduling;
  return {
    kind: 'pool',
    uuid,
    name,
    shortname,
    tags,
    ...creationStamp(acc, 'Submitted'),
    profile,
    instanceCount: count,
    input: normalized,
    constants,
    labels,
    errors: [],
    scaling,
    elasticProperty: isObj(input.elasticProperty) ? input.elasticProperty : null,
    slots: {},
    deleteWhenClosed: false,
  };
}

export function buildJob(acc: Account, input: Obj, quotas: Quotas): JobRec {
  if (acc.jobs.size >= quotas.maxJob) throw forbidden('Maximum number of jobs reached');
  const name = requireName(input);
  const uuid = newUuid();
  const shortname = checkShortname(acc, 'job', input.shortname, uuid);
  const tags = checkTags(input.tags);
  let poolUuid: string | null = null;
  if (input.poolUuid !== undefined && input.poolUuid !== null && input.poolUuid !== '') {
    const pool = acc.find('pool', String(input.poolUuid));
    if (!pool) throw invalid('poolUuid', `unknown pool '${String(input.poolUuid)}'.`);
    poolUuid = pool.uuid;
  }
  checkBoolean('useDependencies', input.useDependencies);
  checkBoolean('autoDeleteOnCompletion', input.autoDeleteOnCompletion);
  const maxWallTime = checkTimeSpan('maxWallTime', input.maxWallTime) ?? '00:00:00';
  const ttl = checkTimeSpan('completionTimeToLive', input.completionTimeToLive) ?? '00:00:00';
  return {
    kind: 'job',
    uuid,
    name,
    shortname,
    tags,
    ...creationStamp(acc, 'Active'),
    poolUuid,
    useDependencies: input.useDependencies === true,
    maxWallTime,
    autoDeleteOnCompletion: input.autoDeleteOnCompletion === true,
    completionTimeToLive: ttl,
  };
}

export type RerunKind = 'retry' | 'recover' | 'resume' | 'clone';

/** Instance ids of the source that a retry / recover / resume / clone re-runs. */
export function rerunInstances(engine: Engine, src: TaskRec, kind: RerunKind): number[] {
  const insts = engine.instancesOf(src);
  const pick = (pred: (s: string) => boolean) => insts.filter((i) => pred(i.state)).map((i) => i.id);
  if (kind === 'retry') return pick((s) => s === 'Failure');
  if (kind === 'recover') return pick((s) => s === 'Failure' || s === 'Cancelled');
  if (kind === 'resume') return pick((s) => s === 'Cancelled');
  return src.instanceIds.slice();
}

const DESCRIPTIONS: Record<RerunKind, string> = {
  retry: 'failed',
  recover: 'failed or cancelled',
  resume: 'cancelled',
  clone: '',
};

/** The creation input of the new task: source input, then the body's overrides. */
export function rerunInput(engine: Engine, src: TaskRec, kind: RerunKind, overrides: Obj): Obj {
  if (kind !== 'clone') {
    for (const f of ['instanceCount', 'advancedRanges', 'poolUuid']) {
      if (overrides[f] !== undefined && overrides[f] !== null) throw invalid(f, `cannot be overridden by ${kind}: the instances come from the source task.`);
    }
  } else if (overrides.poolUuid !== undefined && overrides.poolUuid !== null) {
    throw invalid('poolUuid', 'cannot be overridden by clone.');
  }
  const merged: Obj = { ...src.input };
  delete merged.shortname;
  delete merged.snapshotInterval;
  merged.constants = src.constants;
  merged.tags = src.tags;
  merged.labels = src.labels;
  if (src.poolUuid) merged.poolUuid = src.poolUuid;
  if (src.profile) merged.profile = src.profile;
  for (const [k, v] of Object.entries(overrides)) if (v !== undefined) merged[k] = v;
  if (overrides.profile) delete merged.poolUuid;
  const userSetInstances = kind === 'clone' && (overrides.instanceCount != null || overrides.advancedRanges != null);
  if (kind === 'clone' && !userSetInstances) {
    // A plain clone keeps the source's own instance description.
    if (src.advancedRanges) {
      delete merged.instanceCount;
      merged.advancedRanges = src.advancedRanges;
    } else {
      delete merged.advancedRanges;
      merged.instanceCount = src.instanceCount;
    }
  } else if (!userSetInstances) {
    const ids = rerunInstances(engine, src, kind);
    if (!ids.length) throw badRequest(`Nothing to ${kind}: the task has no ${DESCRIPTIONS[kind]} instance.`);
    delete merged.instanceCount;
    merged.advancedRanges = formatIds(ids);
  } else if (overrides.instanceCount != null) delete merged.advancedRanges;
  else delete merged.instanceCount;
  return merged;
}

function formatIds(ids: number[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < ids.length) {
    let j = i;
    while (j + 1 < ids.length && ids[j + 1] === ids[j]! + 1) j++;
    parts.push(i === j ? `${ids[i]}` : `${ids[i]}-${ids[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

export function poolCloneInput(src: PoolRec, overrides: Obj): Obj {
  const merged: Obj = { ...src.input, constants: src.constants, tags: src.tags, labels: src.labels, instanceCount: src.instanceCount, profile: src.profile };
  if (src.scaling) merged.scaling = src.scaling;
  delete merged.shortname;
  for (const [k, v] of Object.entries(overrides)) if (v !== undefined) merged[k] = v;
  return merged;
}

/** Order, dates and first state of a new task, pool or job. */
function creationStamp<S extends string>(acc: Account, state: S) {
  const { seq, date } = acc.nextCreation();
  return {
    seq,
    creationDate: date,
    lastModified: date,
    stateTransitionTime: date,
    previousStateTransitionTime: null,
    endDate: null,
    state,
    previousState: null,
  };
}
