/**
 * One-line summaries of every top-level command, in help order. The root help
 * and the nouns not named on the command line are declared from this table
 * alone, so a command builds only the part of the tree it runs (start-up).
 */
export const TOP_LEVEL = {
  task: 'Create, watch and manage tasks',
  pool: 'Create and manage pools: long-lived capacity for tasks',
  job: 'Create and manage jobs: groups of tasks with ordering',
  bucket: "Store and move data: buckets on Qarnot's S3 storage (sync, put, get)",
  profile: 'Execution profiles: what a task or pool runs on (docker-batch ...)',
  hardware: 'Hardware constraints your account can request',
  project: "Your organization's projects and their budgets",
  secret: 'Secrets your tasks and pools can read: list, get, set (from stdin), delete',
  account: 'Show your account: email, quotas and what you use of them',
  status: 'Check that the API is reachable and your token valid',
  versions: 'List the API versions and their end of life',
  settings: "Show the API's public settings (storage URL ...)",
  login: 'Store an API token in a context (hidden prompt, or --with-token from stdin)',
  logout: 'Remove the stored token of a context (the one in use by default)',
  config: 'Read and change the settings of stored contexts',
  context: 'Stored connection settings (API URL and token), by name: add, use, list, remove',
  emulator: 'A local emulator of the Compute API that really runs tasks on this machine',
  completion: 'Print the shell completion script for bash, zsh or fish',
} as const;

export type TopLevelName = keyof typeof TOP_LEVEL;

/** The settings of a stored context that `qarnot config get|set|unset` change. */
export const CONFIG_KEYS = ['api-url', 'as', 'storage-url', 'account-email'] as const;
