// The API's objects, as far as the CLI reads them. Responses are kept whole
// (JSON output prints them unchanged); these types only name what code uses.

export interface KeyValue {
  key: string;
  value: string;
}

export interface QError {
  code?: string;
  message?: string;
  debug?: string | null;
}

/** An inbound port of a running instance: reach applicationPort at forwarderHost:forwarderPort. */
export interface ActiveForward {
  applicationPort: number;
  forwarderHost: string | null;
  forwarderPort: number;
  bindAddress?: string | null;
}

export interface TaskStatus {
  executionProgress?: number;
  downloadProgress?: number;
  uploadProgress?: number;
  succeededRange?: string;
  executedRange?: string;
  failedRange?: string;
  cancelledRange?: string;
  runningInstancesInfo?: { perRunningInstanceInfo?: { instanceId: number; phase?: string; activeForwards?: ActiveForward[] | null }[] } | null;
  [key: string]: unknown;
}

export interface Task {
  uuid: string;
  name: string;
  shortname?: string;
  profile?: string | null;
  poolUuid?: string | null;
  jobUuid?: string | null;
  state: string;
  previousState?: string | null;
  progress?: number;
  instanceCount?: number;
  totalInstanceCount?: number;
  advancedRanges?: string | null;
  runningInstanceCount?: number;
  runningCoreCount?: number;
  executionTime?: string;
  wallTime?: string;
  creationDate?: string;
  endDate?: string;
  stateTransitionTime?: string;
  tags?: string[] | null;
  constants?: KeyValue[] | null;
  errors?: QError[] | null;
  completedInstances?: { instanceId: number; state: string; error?: QError | null }[] | null;
  status?: TaskStatus | null;
  [key: string]: unknown;
}

export interface Pool {
  uuid: string;
  name: string;
  shortname?: string;
  profile?: string;
  state: string;
  instanceCount?: number;
  runningInstanceCount?: number;
  creationDate?: string;
  tags?: string[] | null;
  [key: string]: unknown;
}

export interface Job {
  uuid: string;
  name: string;
  shortname?: string;
  poolUuid?: string | null;
  state: string;
  useDependencies?: boolean;
  creationDate?: string;
  tags?: string[] | null;
  [key: string]: unknown;
}

export interface Uuid {
  uuid: string;
}

export interface BulkItem {
  statusCode: number;
  uuid: string | null;
  message: string | null;
}

export interface TokenPage<T> {
  data: T[];
  count?: number;
  total?: number;
  isTruncated: boolean;
  nextToken?: string | null;
  token?: string | null;
}

export interface OffsetPage<T> {
  data: T[];
  offset: number;
  limit: number;
  total: number;
}

/** Filter tree of the search and paginate endpoints. */
export type Filter =
  | { operator: 'And' | 'Or'; filters: Filter[] }
  | { field: string; operator: string; value: string }
  | { field: string; operator: 'In' | 'NotIn'; values: string[] };

export interface PageRequest {
  token?: string | null;
  filter?: Filter | null;
  maximumResults?: number;
  orderBy?: string;
  orderType?: 'ASC' | 'DESC';
}

export interface SearchRequest {
  select?: { fields: string[] };
  filter?: Filter | null;
  maximumResults?: number;
}

export interface Profile {
  name: string | null;
  constants?: { name: string; value: string; description?: string }[];
  licenses?: unknown[];
  [key: string]: unknown;
}

export interface HardwareConstraint {
  discriminator: string;
  [key: string]: unknown;
}

export interface ScalingPolicy {
  type: string;
  name: string;
  enabledPeriods: { type: string; name?: string | null; days?: string[]; startTimeUtc?: string; endTimeUtc?: string }[];
  [key: string]: unknown;
}

export interface Scaling {
  policies: ScalingPolicy[];
  activePolicyName?: string | null;
}

export interface SnapshotStatus {
  id: string;
  taskUuid: string;
  status: string;
  [key: string]: unknown;
}

export interface UserInfo {
  email: string;
  [key: string]: unknown;
}
