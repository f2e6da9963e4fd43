import type { OutputSet } from './output-buffer.js';
import type { ActiveForward } from './forwards.js';
import type { Obj } from './util.js';

// The emulator keeps its own copy of the API's state names rather than importing the
// client's (src/api/states.ts): it is an independent implementation of the API, and the
// end-to-end tests only catch a wrong client list if the two are not one and the same.
export const TASK_STATES = [
  'Submitted',
  'PartiallyDispatched',
  'FullyDispatched',
  'PartiallyExecuting',
  'FullyExecuting',
  'UploadingResults',
  'Cancelled',
  'Success',
  'Failure',
  'PendingDelete',
  'PendingCancel',
] as const;
export type TaskState = (typeof TASK_STATES)[number];
export const FINAL_TASK_STATES: ReadonlySet<TaskState> = new Set(['Success', 'Failure', 'Cancelled']);

export const POOL_STATES = [
  'Submitted',
  'PartiallyDispatched',
  'FullyDispatched',
  'PartiallyExecuting',
  'FullyExecuting',
  'Closing',
  'Closed',
  'PendingDelete',
  'Failure',
] as const;
export type PoolState = (typeof POOL_STATES)[number];

export const JOB_STATES = ['Active', 'Terminating', 'Completed', 'Deleting'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface KeyValue {
  key: string;
  value: string;
}
export interface QError {
  code: string;
  message: string;
  debug: string | null;
}

export type InstanceState = 'Queued' | 'Running' | 'Success' | 'Failure' | 'Cancelled';
export type Phase = 'dispatch' | 'download' | 'environment' | 'execution' | 'upload' | 'shutdown';

export interface InstanceRec {
  id: number;
  state: InstanceState;
  phase: Phase | null;
  attempts: number;
  firstStart: number | null;
  start: number | null;
  execStart: number | null;
  end: number | null;
  /** Execution time accumulated over finished attempts. */
  execMs: number;
  error: QError | null;
  slot: number | null;
  pid: number | null;
  /** Loopback ports given to the inbound forced network rules while the instance runs. */
  forwards?: ActiveForward[];
}

export type SnapshotConfig = { whitelist: unknown; blacklist: unknown; bucket: unknown; bucketPrefix: unknown };

export interface SnapshotRec {
  id: string;
  triggerDate: number;
  config: SnapshotConfig;
  /** Set as the upload progresses (records saved before storage existed have none). */
  status?: 'Triggered' | 'InProgress' | 'Success' | 'Failure';
  sizeToUpload?: number;
  transferredSize?: number;
  lastUpdate?: number;
}

export interface AdvancedDependency {
  taskUuid: string;
  taskFinalStateCondition: string[] | null;
  /** The dependency's final state once it has one (lower case, as conditions are written). */
  actualFinalState?: string | null;
}

export type DependencyState = 'waiting' | 'dependencyConditionsFulfilled' | 'dependencyConditionsNotFulfilled';

interface Common {
  uuid: string;
  /** Creation sequence, strictly increasing per account: the stable tie-breaker of every ordering. */
  seq: number;
  name: string;
  shortname: string;
  tags: string[];
  creationDate: number;
  lastModified: number;
  stateTransitionTime: number;
  previousStateTransitionTime: number | null;
  endDate: number | null;
}

export interface TaskRec extends Common {
  kind: 'task';
  state: TaskState;
  previousState: TaskState | null;
  profile: string | null;
  poolUuid: string | null;
  jobUuid: string | null;
  instanceCount: number;
  advancedRanges: string | null;
  instanceIds: number[];
  /** Normalized (camelCase) creation input: pass-through fields and the source for clones. */
  input: Obj;
  constants: KeyValue[];
  labels: Record<string, string>;
  instances: Record<number, InstanceRec>;
  errors: QError[];
  dependsOn: string[];
  advancedDependsOn: AdvancedDependency[] | null;
  dependencyState: DependencyState | null;
  maxPerInstanceRetries: number;
  maxTotalRetries: number | null;
  totalRetriesUsed: number;
  executionStart: number | null;
  snapshotInterval: number;
  snapshotWhitelist: unknown;
  snapshotBlacklist: unknown;
  snapshotBucket: unknown;
  snapshotBucketPrefix: unknown;
  snapshots: SnapshotRec[];
  /** Files uploaded to the result bucket. */
  resultsCount?: number;
  /** Set once an abort was requested, so late process exits do not count as failures. */
  cancelRequested: boolean;
  deleteWhenCancelled: boolean;
}

export interface PoolRec extends Common {
  kind: 'pool';
  state: PoolState;
  previousState: PoolState | null;
  profile: string;
  instanceCount: number;
  input: Obj;
  constants: KeyValue[];
  labels: Record<string, string>;
  errors: QError[];
  scaling: { policies: Obj[] } | null;
  elasticProperty: Obj | null;
  /** Slot index → task uuid:instance id currently using it. */
  slots: Record<number, string>;
  deleteWhenClosed: boolean;
}

export interface JobRec extends Common {
  kind: 'job';
  state: JobState;
  previousState: JobState | null;
  poolUuid: string | null;
  useDependencies: boolean;
  maxWallTime: string;
  autoDeleteOnCompletion: boolean;
  completionTimeToLive: string;
}

export type ResourceKind = 'task' | 'pool' | 'job';
export type AnyRec = TaskRec | PoolRec | JobRec;

export interface AccountState {
  email: string;
  token: string;
  tasks: Map<string, TaskRec>;
  pools: Map<string, PoolRec>;
  jobs: Map<string, JobRec>;
  outputs: Map<string, OutputSet>;
  nextSeq: number;
  lastCreation: number;
}
