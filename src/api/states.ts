// The API's state names per resource: constants only, so command declarations
// can list them without loading the API functions.

export const TASK_STATES = [
  'Submitted',
  'PartiallyDispatched',
  'FullyDispatched',
  'PartiallyExecuting',
  'FullyExecuting',
  'DownloadingResults',
  'UploadingResults',
  'Success',
  'Failure',
  'Cancelled',
  'PendingCancel',
  'PendingDelete',
] as const;
export const TASK_FINAL_STATES = new Set(['Success', 'Failure', 'Cancelled']);

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
export const POOL_FINAL_STATES = new Set(['Closed', 'Failure']);

export const JOB_STATES = ['Active', 'Terminating', 'Completed', 'Deleting'] as const;
export const JOB_FINAL_STATES = new Set(['Completed']);
