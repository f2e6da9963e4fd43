export const TOPICS: Record<string, string> = {
  'exit-codes': `Exit codes

  0    success
  1    failure: the API refused the request (for the object's state, e.g. a
       snapshot of a finished task, or a quota), a network error, or a
       waited task ended in Failure or Cancelled (or was deleted first)
  2    usage or bad input: a flag, argument or file is invalid; nothing was
       sent to the API
  3    not found: no such task, pool, job or profile; a selector that matches
       nothing; every item of a bulk verb not found (some: 1)
  4    authentication or permission: missing or wrong token (401), or no
       access to the account or resource (403)
  124  timeout: --timeout of wait/run, or the command's --deadline
  130  interrupted with Ctrl-C (also at a [y/N] question)
  143  stopped by SIGTERM
`,
  environment: `Environment variables

  QARNOT_CLIENT_TOKEN  API token (the official SDKs' name); beats the stored
                       context's
  QARNOT_CLUSTER_URL   API base URL (default https://api.qarnot.com)
  QARNOT_CONTEXT       stored context to use (like --context; QARNOT_PROFILE is
                       its deprecated name)
  QARNOT_READ_AS       read another account's resources (like --as)
  QARNOT_STORAGE_URL   S3 storage URL (default: the API's GET /settings)
  QARNOT_ACCOUNT_EMAIL storage access key (default: the e-mail of GET /info)
  QARNOT_CONFIG_DIR    where the config file lives (default
                       $XDG_CONFIG_HOME/qarnot, else ~/.config/qarnot)
  XDG_CACHE_HOME       where compiled code is kept (default ~/.cache);
                       NODE_DISABLE_COMPILE_CACHE=1 turns that off
  QARNOT_SSH           program "task ssh" runs instead of ssh
  NO_COLOR             any non-empty value turns colours off
  FORCE_COLOR          turns colours on even when not a terminal
  COLUMNS              width tables fit (default: the terminal's)

Precedence: flags, then environment, then the stored context, then defaults.
An explicit --context beats QARNOT_CLIENT_TOKEN and QARNOT_CLUSTER_URL.
`,
  ids: `Identifiers

  A task, pool or job (ID arguments, --pool, --job, --depends-on, and the
  uuid, pool and job fields of --where) can be named by:
    its uuid                      7e68b49c-1a2b-4c3d-8e9f-0123456789ab
    its shortname                 nightly-render
    the start of its uuid         7e68b49   (at least 4 characters)

  A shortname where the API takes only uuids is looked up first (one request
  per shortname). The start of a uuid is searched once (one request): a
  shortname equal to it wins; nothing starting so is "not found" (exit 3);
  several are listed, exit 2.
`,
  formatting: `Output formats

  On a terminal, lists print as a table with relative times and coloured
  states. When stdout is not a terminal they print tab-separated values with
  no header and ISO-8601 times, ready for cut, awk and sort.

  --format table|json|jsonl|tsv   choose explicitly; --json is --format json
  -q, --quiet                     identifiers only, one per line
  --fields a,b,status.executionProgress
                                  columns (table, tsv) or keys (json, jsonl):
                                  the object's JSON fields, nested with dots,
                                  in any case, or the table's column names
                                  (created); an unknown name exits 2

  A table wider than the terminal keeps identifiers (uuid, name, shortname)
  whole: secondary columns (profile, instances, dates) are dropped first and
  states abbreviated; use --fields to choose the columns yourself.

  json prints the API's objects unchanged. jsonl prints one object per line
  as pages arrive, so "qarnot task list --all --format jsonl" streams any
  number of tasks in constant memory.

  Messages for people (hints, spinners, confirmations) go to stderr, data to
  stdout.
`,
};
