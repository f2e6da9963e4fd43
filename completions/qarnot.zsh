#compdef qarnot
# zsh completion for qarnot. Generated from the command tree by scripts/generate-completions.mjs
# (or "qarnot completion zsh"): do not edit by hand.
# Install: source <(qarnot completion zsh) in ~/.zshrc after compinit, or save it
# as _qarnot in a directory of your $fpath.

__qarnot_node() {
  subs=() opts=() valopts=()
  case $1 in
    ('')
      subs=('task:Create, watch and manage tasks' 'pool:Create and manage pools: long-lived capacity for tasks' 'job:Create and manage jobs: groups of tasks with ordering' 'profile:Execution profiles: what a task or pool runs on (docker-batch ...)' 'hardware:Hardware constraints your account can request' 'account:Show your account: email, quotas and what you use of them' 'status:Check that the API is reachable and your token valid' 'versions:List the API versions and their end of life' 'settings:Show the API'\''s public settings (storage URL ...)' 'login:Store an API token in a profile (hidden prompt, or --with-token from stdin)' 'logout:Remove the stored token of a profile (the active one by default)' 'config:Read and change the stored configuration and profiles' 'emulator:A local emulator of the Compute API that really runs tasks on this machine' 'completion:Print the shell completion script for bash, zsh or fish' 'help:Show help for a command, or a topic: exit-codes, environment, formatting')
      opts=('-V:print the version' '--version:print the version' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)' '-h:show help for a command' '--help:show help for a command')
      valopts=('--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('task')
      subs=('list:List tasks, newest first (50 by default; --all for every page)' 'show:Show one task (uuid or shortname)' 'search:Search tasks with a filter expression (--where), returning only the fields you --select')
      opts=('-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('task list')
      subs=()
      opts=('--limit:show at most N items (default 50)' '--all:list every item, page after page' '--tag:has this tag (repeatable: any of them)' '--tags-all:has every one of these tags (repeatable)' '--state:in this state (repeatable): Submitted, PartiallyDispatched, FullyDispatched, PartiallyExecuting, FullyExecuting, DownloadingResults, UploadingResults, Success, Failure, Cancelled, PendingCancel, PendingDelete' '--name:exact name' '--name-like:name matching a pattern (* and % are wildcards)' '--created-after:created after this date (ISO date or relative: -2h, -7d)' '--created-before:created before this date' '--where:filter expression, e.g. "state = Failure and name like '\''render-*'\''"' '--sort:sort by creationDate, name, state, executionTime; add :asc or :desc' '--summary:fetch the lighter summary objects' '-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--limit' '--tag' '--tags-all' '--state' '--name' '--name-like' '--created-after' '--created-before' '--where' '--sort' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('task show')
      subs=()
      opts=('-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('task search')
      subs=()
      opts=('--where:filter expression' '--select:only these fields, e.g. name,state,status.executionProgress' '--max:at most N results (default 100)' '--print-filter:print the compiled filter as JSON and send nothing' '-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--where' '--select' '--max' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('pool')
      subs=('list:List pools (50 by default; --all for every page)' 'show:Show one pool (uuid or shortname)' 'create:Create a pool from flags or a JSON/YAML file; prints its uuid' 'clone:Create a copy of a pool, with fields overridden by flags; prints the new uuid' 'close:Close pools: their tasks are cancelled and the nodes released' 'delete:Delete pools (closing them first)' 'update:Change a running pool'\''s constants, tags, elastic settings or scaling' 'sync:Copy the pool'\''s resource buckets again to its running nodes' 'stdout:Print a pool'\''s stdout (whole buffer, only what is new with --fresh, live with -f)' 'stderr:Print a pool'\''s stderr (whole buffer, only what is new with --fresh, live with -f)' 'tasks:List the tasks of a pool' 'jobs:List the jobs of a pool' 'wait:Wait until a pool is ready (FullyExecuting) or ended; --state to wait for another state' 'scaling:Read, set and check the scaling policies of pools' 'search:Search pools with a filter expression (--where), returning only the fields you --select')
      opts=('-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('pool list')
      subs=()
      opts=('--limit:show at most N items (default 50)' '--all:list every item, page after page' '--tag:has this tag (repeatable: any of them)' '--tags-all:has every one of these tags (repeatable)' '--state:in this state (repeatable): Submitted, PartiallyDispatched, FullyDispatched, PartiallyExecuting, FullyExecuting, Closing, Closed, PendingDelete, Failure' '--name:exact name' '--name-like:name matching a pattern (* and % are wildcards)' '--created-after:created after this date (ISO date or relative: -2h, -7d)' '--created-before:created before this date' '--where:filter expression, e.g. "state = Failure and name like '\''render-*'\''"' '--sort:sort by creationDate, name, state, executionTime; add :asc or :desc' '--summary:fetch the lighter summary objects' '-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--limit' '--tag' '--tags-all' '--state' '--name' '--name-like' '--created-after' '--created-before' '--where' '--sort' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('pool show')
      subs=()
      opts=('-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('pool create')
      subs=()
      opts=('--name:pool name' '--shortname:unique short name, usable instead of the uuid' '--profile:execution profile, e.g. docker-batch' '-n:number of instances (slots) of the pool' '--instances:number of instances (slots) of the pool' '-c:constant (repeatable; split on the first "=")' '--constant:constant (repeatable; split on the first "=")' '--tag:tag (repeatable, at most 10)' '--label:label (repeatable)' '--resources:resource bucket, optionally filtered on a prefix (repeatable)' '--min-cores:hardware: at least N cores' '--max-cores:hardware: at most N cores' '--min-ram:hardware: at least this much RAM (MB, or 4G, 512M)' '--max-ram:hardware: at most this much RAM (MB, or 4G, 512M)' '--min-ram-ratio:hardware: at least this many GB of RAM per core' '--max-ram-ratio:hardware: at most this many GB of RAM per core' '--gpu:hardware: with a GPU' '--no-gpu:hardware: without a GPU' '--ssd:hardware: with an SSD' '--no-ssd:hardware: without an SSD' '--cpu-model:hardware: this CPU model (e.g. "Ryzen 1700X")' '--hardware:hardware: a machine specification key (substring match; repeatable)' '--elastic-min-slots:elastic: fewest slots (minTotalSlots)' '--elastic-max-slots:elastic: most slots (maxTotalSlots)' '--elastic-min-idle-slots:elastic: idle slots to keep (minIdleSlots)' '--elastic-resize-period:elastic: time between resizes, e.g. 90s (resizePeriod)' '--elastic-resize-factor:elastic: ramp resize factor, 0 <= x < 1 (rampResizeFactor)' '--elastic-min-idle-time:elastic: idle time before a slot is released, e.g. 90s (minIdleTimeSeconds)' '--scaling:scaling policies from a JSON or YAML file (see "qarnot pool scaling set")' '--preparation-command:command run on each node before tasks (preparationTask)' '--tasks-wait-for-sync:tasks of this pool wait for the pool'\''s resources to be synchronised by default' '--max-retries-per-instance:retries allowed per instance' '--max-total-retries:retries allowed over all instances' '--scheduling:scheduling type: flex, onDemand, reserved' '--reserved-machine:reserved machine to target (implies --scheduling reserved)' '--auto-delete:delete automatically once complete (after --ttl)' '--ttl:time to keep it once complete, e.g. 30m, 2h (completionTimeToLive)' '--export-credentials:export the API and storage credentials into the environment' '--dry-run:print the request body and send nothing' '-f:pool body as JSON or YAML (- for stdin); flags override its fields' '--file:pool body as JSON or YAML (- for stdin); flags override its fields' '-h:show help for a command' '--help:show help for a command' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--name' '--shortname' '--profile' '-n' '--instances' '-c' '--constant' '--tag' '--label' '--resources' '--min-cores' '--max-cores' '--min-ram' '--max-ram' '--min-ram-ratio' '--max-ram-ratio' '--cpu-model' '--hardware' '--elastic-min-slots' '--elastic-max-slots' '--elastic-min-idle-slots' '--elastic-resize-period' '--elastic-resize-factor' '--elastic-min-idle-time' '--scaling' '--preparation-command' '--max-retries-per-instance' '--max-total-retries' '--scheduling' '--reserved-machine' '--ttl' '-f' '--file' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('pool clone')
      subs=()
      opts=('--name:pool name' '--shortname:unique short name, usable instead of the uuid' '--profile:execution profile, e.g. docker-batch' '-n:number of instances (slots) of the pool' '--instances:number of instances (slots) of the pool' '-c:constant (repeatable; split on the first "=")' '--constant:constant (repeatable; split on the first "=")' '--tag:tag (repeatable, at most 10)' '--label:label (repeatable)' '--resources:resource bucket, optionally filtered on a prefix (repeatable)' '--min-cores:hardware: at least N cores' '--max-cores:hardware: at most N cores' '--min-ram:hardware: at least this much RAM (MB, or 4G, 512M)' '--max-ram:hardware: at most this much RAM (MB, or 4G, 512M)' '--min-ram-ratio:hardware: at least this many GB of RAM per core' '--max-ram-ratio:hardware: at most this many GB of RAM per core' '--gpu:hardware: with a GPU' '--no-gpu:hardware: without a GPU' '--ssd:hardware: with an SSD' '--no-ssd:hardware: without an SSD' '--cpu-model:hardware: this CPU model (e.g. "Ryzen 1700X")' '--hardware:hardware: a machine specification key (substring match; repeatable)' '--elastic-min-slots:elastic: fewest slots (minTotalSlots)' '--elastic-max-slots:elastic: most slots (maxTotalSlots)' '--elastic-min-idle-slots:elastic: idle slots to keep (minIdleSlots)' '--elastic-resize-period:elastic: time between resizes, e.g. 90s (resizePeriod)' '--elastic-resize-factor:elastic: ramp resize factor, 0 <= x < 1 (rampResizeFactor)' '--elastic-min-idle-time:elastic: idle time before a slot is released, e.g. 90s (minIdleTimeSeconds)' '--scaling:scaling policies from a JSON or YAML file (see "qarnot pool scaling set")' '--preparation-command:command run on each node before tasks (preparationTask)' '--tasks-wait-for-sync:tasks of this pool wait for the pool'\''s resources to be synchronised by default' '--max-retries-per-instance:retries allowed per instance' '--max-total-retries:retries allowed over all instances' '--scheduling:scheduling type: flex, onDemand, reserved' '--reserved-machine:reserved machine to target (implies --scheduling reserved)' '--auto-delete:delete automatically once complete (after --ttl)' '--ttl:time to keep it once complete, e.g. 30m, 2h (completionTimeToLive)' '--export-credentials:export the API and storage credentials into the environment' '--dry-run:print the request body and send nothing' '-h:show help for a command' '--help:show help for a command' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--name' '--shortname' '--profile' '-n' '--instances' '-c' '--constant' '--tag' '--label' '--resources' '--min-cores' '--max-cores' '--min-ram' '--max-ram' '--min-ram-ratio' '--max-ram-ratio' '--cpu-model' '--hardware' '--elastic-min-slots' '--elastic-max-slots' '--elastic-min-idle-slots' '--elastic-resize-period' '--elastic-resize-factor' '--elastic-min-idle-time' '--scaling' '--preparation-command' '--max-retries-per-instance' '--max-total-retries' '--scheduling' '--reserved-machine' '--ttl' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('pool close')
      subs=()
      opts=('--tag:select those with this tag (repeatable: any of them)' '--tags-all:select those with every one of these tags (repeatable)' '--state:select those in this state (repeatable): Submitted, PartiallyDispatched, FullyDispatched, PartiallyExecuting, FullyExecuting, Closing, Closed, PendingDelete, Failure' '--name:select those with this exact name' '--name-like:select those whose name matches (* and % are wildcards)' '--created-after:select those created after this date' '--created-before:select those created before this date' '--where:select with a filter expression' '--all:select every one of them' '-y:close without asking (required when not on a terminal)' '--yes:close without asking (required when not on a terminal)' '--dry-run:list what would be affected; close nothing' '--concurrency:requests in flight at once (default 8)' '-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--tag' '--tags-all' '--state' '--name' '--name-like' '--created-after' '--created-before' '--where' '--concurrency' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('pool delete')
      subs=()
      opts=('--tag:select those with this tag (repeatable: any of them)' '--tags-all:select those with every one of these tags (repeatable)' '--state:select those in this state (repeatable): Submitted, PartiallyDispatched, FullyDispatched, PartiallyExecuting, FullyExecuting, Closing, Closed, PendingDelete, Failure' '--name:select those with this exact name' '--name-like:select those whose name matches (* and % are wildcards)' '--created-after:select those created after this date' '--created-before:select those created before this date' '--where:select with a filter expression' '--all:select every one of them' '-y:delete without asking (required when not on a terminal)' '--yes:delete without asking (required when not on a terminal)' '--dry-run:list what would be affected; delete nothing' '--concurrency:requests in flight at once (default 8)' '-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--tag' '--tags-all' '--state' '--name' '--name-like' '--created-after' '--created-before' '--where' '--concurrency' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('pool update')
      subs=()
      opts=('-c:set this constant, keeping the others (repeatable)' '--constant:set this constant, keeping the others (repeatable)' '--tag:add this tag (repeatable)' '--untag:remove this tag (repeatable)' '--scaling:replace the scaling policies with those of this JSON or YAML file' '--elastic-min-slots:elastic: fewest slots (minTotalSlots)' '--elastic-max-slots:elastic: most slots (maxTotalSlots)' '--elastic-min-idle-slots:elastic: idle slots to keep (minIdleSlots)' '--elastic-resize-period:elastic: time between resizes, e.g. 90s (resizePeriod)' '--elastic-resize-factor:elastic: ramp resize factor, 0 <= x < 1 (rampResizeFactor)' '--elastic-min-idle-time:elastic: idle time before a slot is released, e.g. 90s (minIdleTimeSeconds)' '--dry-run:print the request body and send nothing' '-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('-c' '--constant' '--tag' '--untag' '--scaling' '--elastic-min-slots' '--elastic-max-slots' '--elastic-min-idle-slots' '--elastic-resize-period' '--elastic-resize-factor' '--elastic-min-idle-time' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('pool sync')
      subs=()
      opts=('-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('pool stdout')
      subs=()
      opts=('--instance:only this instance' '--fresh:only what was written since the last read' '-f:keep printing new output until the pool is closed' '--follow:keep printing new output until the pool is closed' '-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--instance' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('pool stderr')
      subs=()
      opts=('--instance:only this instance' '--fresh:only what was written since the last read' '-f:keep printing new output until the pool is closed' '--follow:keep printing new output until the pool is closed' '-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--instance' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('pool tasks')
      subs=()
      opts=('-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('pool jobs')
      subs=()
      opts=('-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('pool wait')
      subs=()
      opts=('--state:wait for this state (repeatable): Submitted, PartiallyDispatched, FullyDispatched, PartiallyExecuting, FullyExecuting, Closing, Closed, PendingDelete, Failure' '--timeout:give up after this long (exit 124)' '--interval:time between checks (default 2s)' '-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--state' '--timeout' '--interval' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('pool scaling')
      subs=('get:Show a pool'\''s scaling policies and their periods; the active one is marked' 'set:Replace a pool'\''s scaling policies, from -f FILE or from flags' 'check:Check scaling policies (file or flags) without a pool: each problem on its own line')
      opts=('-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('pool scaling get')
      subs=()
      opts=('-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('pool scaling set')
      subs=()
      opts=('-f:policies as JSON or YAML (- for stdin)' '--file:policies as JSON or YAML (- for stdin)' '--fixed:start a policy keeping exactly SLOTS slots' '--managed:start a policy scaled on the task queue: min=0,max=10,idle=1,idle-time=90s,factor=0.5 (max required)' '--always:the current policy applies at any time' '--weekly:the current policy applies on these days and UTC hours, e.g. '\''mon-fri 08:00-18:00'\'', '\''sat,sun'\'' (repeatable)' '--name:name the current policy (default policy-1, policy-2 ...)' '--dry-run:print the request body and send nothing' '-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('-f' '--file' '--fixed' '--managed' '--weekly' '--name' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('pool scaling check')
      subs=()
      opts=('-f:policies as JSON or YAML (- for stdin)' '--file:policies as JSON or YAML (- for stdin)' '--fixed:start a policy keeping exactly SLOTS slots' '--managed:start a policy scaled on the task queue: min=0,max=10,idle=1,idle-time=90s,factor=0.5 (max required)' '--always:the current policy applies at any time' '--weekly:the current policy applies on these days and UTC hours, e.g. '\''mon-fri 08:00-18:00'\'', '\''sat,sun'\'' (repeatable)' '--name:name the current policy (default policy-1, policy-2 ...)' '-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('-f' '--file' '--fixed' '--managed' '--weekly' '--name' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('pool search')
      subs=()
      opts=('--where:filter expression' '--select:only these fields, e.g. name,state,status.executionProgress' '--max:at most N results (default 100)' '--print-filter:print the compiled filter as JSON and send nothing' '-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--where' '--select' '--max' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('job')
      subs=('list:List jobs (50 by default; --all for every page)' 'show:Show one job (uuid or shortname)' 'create:Create a job; prints its uuid' 'terminate:Terminate jobs: their unfinished tasks are cancelled' 'delete:Delete jobs; --force also deletes their tasks' 'tasks:List the tasks of a job' 'wait:Wait until a job is done: Completed, or every one of its tasks finished' 'search:Search jobs with a filter expression (--where), returning only the fields you --select')
      opts=('-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('job list')
      subs=()
      opts=('--limit:show at most N items (default 50)' '--all:list every item, page after page' '--tag:has this tag (repeatable: any of them)' '--tags-all:has every one of these tags (repeatable)' '--state:in this state (repeatable): Active, Terminating, Completed, Deleting' '--name:exact name' '--name-like:name matching a pattern (* and % are wildcards)' '--created-after:created after this date (ISO date or relative: -2h, -7d)' '--created-before:created before this date' '--where:filter expression, e.g. "state = Failure and name like '\''render-*'\''"' '--sort:sort by creationDate, name, state; add :asc or :desc' '-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--limit' '--tag' '--tags-all' '--state' '--name' '--name-like' '--created-after' '--created-before' '--where' '--sort' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('job show')
      subs=()
      opts=('-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('job create')
      subs=()
      opts=('--name:job name (required)' '--shortname:unique short name, usable instead of the uuid' '--pool:run its tasks in this pool (uuid or shortname)' '--use-dependencies:let its tasks depend on one another (--depends-on)' '--max-wall-time:terminate the job after this long, e.g. 2h, 1d, 10:00:00' '--tag:tag (repeatable, at most 10)' '--auto-delete:delete automatically once completed (after --ttl)' '--ttl:time to keep it once completed, e.g. 30m (completionTimeToLive)' '--dry-run:print the request body and send nothing' '-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--name' '--shortname' '--pool' '--max-wall-time' '--tag' '--ttl' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('job terminate')
      subs=()
      opts=('--tag:select those with this tag (repeatable: any of them)' '--tags-all:select those with every one of these tags (repeatable)' '--state:select those in this state (repeatable): Active, Terminating, Completed, Deleting' '--name:select those with this exact name' '--name-like:select those whose name matches (* and % are wildcards)' '--created-after:select those created after this date' '--created-before:select those created before this date' '--where:select with a filter expression' '--all:select every one of them' '-y:terminate without asking (required when not on a terminal)' '--yes:terminate without asking (required when not on a terminal)' '--dry-run:list what would be affected; terminate nothing' '--concurrency:requests in flight at once (default 8)' '-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--tag' '--tags-all' '--state' '--name' '--name-like' '--created-after' '--created-before' '--where' '--concurrency' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('job delete')
      subs=()
      opts=('--tag:select those with this tag (repeatable: any of them)' '--tags-all:select those with every one of these tags (repeatable)' '--state:select those in this state (repeatable): Active, Terminating, Completed, Deleting' '--name:select those with this exact name' '--name-like:select those whose name matches (* and % are wildcards)' '--created-after:select those created after this date' '--created-before:select those created before this date' '--where:select with a filter expression' '--all:select every one of them' '-y:delete without asking (required when not on a terminal)' '--yes:delete without asking (required when not on a terminal)' '--dry-run:list what would be affected; delete nothing' '--concurrency:requests in flight at once (default 8)' '--force:also delete the tasks of the jobs' '-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--tag' '--tags-all' '--state' '--name' '--name-like' '--created-after' '--created-before' '--where' '--concurrency' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('job tasks')
      subs=()
      opts=('-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('job wait')
      subs=()
      opts=('--timeout:give up after this long (exit 124)' '--interval:time between checks (default 2s)' '-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--timeout' '--interval' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('job search')
      subs=()
      opts=('--where:filter expression' '--select:only these fields, e.g. name,state,status.executionProgress' '--max:at most N results (default 100)' '--print-filter:print the compiled filter as JSON and send nothing' '-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--where' '--select' '--max' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('profile')
      subs=('list:List the profiles your account can use' 'show:Show a profile'\''s constants and licenses')
      opts=('-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('profile list')
      subs=()
      opts=('-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('profile show')
      subs=()
      opts=('-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('hardware')
      subs=('list:List every hardware constraint available to you (all pages)' 'cpu:Find the CPU-model constraints matching a model name')
      opts=('-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('hardware list')
      subs=()
      opts=('-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('hardware cpu')
      subs=()
      opts=('-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('account')
      subs=()
      opts=('-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('status')
      subs=()
      opts=('-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('versions')
      subs=()
      opts=('-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('settings')
      subs=()
      opts=('-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('login')
      subs=()
      opts=('--with-token:read the token from standard input' '--no-check:store the token without checking it against the API' '-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('logout')
      subs=()
      opts=('-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('config')
      subs=('get:Print a setting of the active profile (api-url, as)' 'set:Change a setting of the active profile (api-url, as); use "qarnot login" for the token' 'unset:Remove a setting from the active profile' 'list:Show every profile and its settings (tokens masked)' 'import:Import an official CLI config (~/.Qarnot/cli.config) or a Python SDK qarnot.conf into a profile' 'profile:Named profiles: an API URL and a token each')
      opts=('-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('config get')
      subs=()
      opts=('-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('config set')
      subs=()
      opts=('-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('config unset')
      subs=()
      opts=('-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('config list')
      subs=()
      opts=('-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('config import')
      subs=()
      opts=('-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('config profile')
      subs=('add:Create a profile (then "qarnot login --profile NAME" stores its token)' 'use:Make a profile the active one' 'list:List profiles, the active one marked' 'remove:Delete a profile and its token')
      opts=('-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('config profile add')
      subs=()
      opts=('--use:make it the active profile' '-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('config profile use')
      subs=()
      opts=('-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('config profile list')
      subs=()
      opts=('-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('config profile remove')
      subs=()
      opts=('-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('emulator')
      subs=('start:Serve the Compute API locally until Ctrl-C (tasks run on this machine)')
      opts=('-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('emulator start')
      subs=()
      opts=('--host:address to bind (a non-loopback address exposes the emulator: a warning is printed)' '--port:port to listen on; 0 picks a free one' '--token:API token to require (default: a random one, printed at start)' '--data:keep the whole state in this directory, across restarts (default: in memory)' '--speed:divide simulated phase durations (dispatch, download, upload) by N' '--faults:inject failures, e.g. '\''503:0.1,429:0.05,reset:0.02,latency:50-300ms,seed:42'\''' '--account:serve another account with its own token (repeatable)' '--read-grant:let READER read TARGET with --as (repeatable)' '-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--host' '--port' '--token' '--data' '--speed' '--faults' '--account' '--read-grant' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('completion')
      subs=()
      opts=('-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
    ('help')
      subs=()
      opts=('-h:show help for a command' '--help:show help for a command' '--profile:use this stored profile (env QARNOT_PROFILE)' '--api-url:API base URL (env QARNOT_CLUSTER_URL)' '--format:output format' '--json:shortcut for --format json' '-q:print identifiers only, one per line' '--quiet:print identifiers only, one per line' '--fields:columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color:no colours (also NO_COLOR=1)' '--verbose:trace every HTTP request on stderr (token redacted)' '--as:read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline:give up on a command after this long (default 2m; not for wait/follow)')
      valopts=('--profile' '--api-url' '--format' '--fields' '--as' '--deadline') ;;
  esac
}

__qarnot_sub() {
  case "$1|$2" in
    ('|task') REPLY='task' ;;
    ('|pool') REPLY='pool' ;;
    ('|job') REPLY='job' ;;
    ('|profile') REPLY='profile' ;;
    ('|hardware') REPLY='hardware' ;;
    ('|account') REPLY='account' ;;
    ('|status') REPLY='status' ;;
    ('|versions') REPLY='versions' ;;
    ('|settings') REPLY='settings' ;;
    ('|login') REPLY='login' ;;
    ('|logout') REPLY='logout' ;;
    ('|config') REPLY='config' ;;
    ('|emulator') REPLY='emulator' ;;
    ('|completion') REPLY='completion' ;;
    ('|help') REPLY='help' ;;
    ('task|list') REPLY='list' ;;
    ('task|ls') REPLY='list' ;;
    ('task|show') REPLY='show' ;;
    ('task|get') REPLY='show' ;;
    ('task|search') REPLY='search' ;;
    ('pool|list') REPLY='list' ;;
    ('pool|ls') REPLY='list' ;;
    ('pool|show') REPLY='show' ;;
    ('pool|get') REPLY='show' ;;
    ('pool|create') REPLY='create' ;;
    ('pool|clone') REPLY='clone' ;;
    ('pool|close') REPLY='close' ;;
    ('pool|delete') REPLY='delete' ;;
    ('pool|rm') REPLY='delete' ;;
    ('pool|update') REPLY='update' ;;
    ('pool|sync') REPLY='sync' ;;
    ('pool|stdout') REPLY='stdout' ;;
    ('pool|stderr') REPLY='stderr' ;;
    ('pool|tasks') REPLY='tasks' ;;
    ('pool|jobs') REPLY='jobs' ;;
    ('pool|wait') REPLY='wait' ;;
    ('pool|scaling') REPLY='scaling' ;;
    ('pool|search') REPLY='search' ;;
    ('pool scaling|get') REPLY='get' ;;
    ('pool scaling|set') REPLY='set' ;;
    ('pool scaling|check') REPLY='check' ;;
    ('job|list') REPLY='list' ;;
    ('job|ls') REPLY='list' ;;
    ('job|show') REPLY='show' ;;
    ('job|get') REPLY='show' ;;
    ('job|create') REPLY='create' ;;
    ('job|terminate') REPLY='terminate' ;;
    ('job|delete') REPLY='delete' ;;
    ('job|rm') REPLY='delete' ;;
    ('job|tasks') REPLY='tasks' ;;
    ('job|wait') REPLY='wait' ;;
    ('job|search') REPLY='search' ;;
    ('profile|list') REPLY='list' ;;
    ('profile|ls') REPLY='list' ;;
    ('profile|show') REPLY='show' ;;
    ('profile|get') REPLY='show' ;;
    ('hardware|list') REPLY='list' ;;
    ('hardware|ls') REPLY='list' ;;
    ('hardware|cpu') REPLY='cpu' ;;
    ('config|get') REPLY='get' ;;
    ('config|set') REPLY='set' ;;
    ('config|unset') REPLY='unset' ;;
    ('config|list') REPLY='list' ;;
    ('config|ls') REPLY='list' ;;
    ('config|import') REPLY='import' ;;
    ('config|profile') REPLY='profile' ;;
    ('config profile|add') REPLY='add' ;;
    ('config profile|use') REPLY='use' ;;
    ('config profile|list') REPLY='list' ;;
    ('config profile|ls') REPLY='list' ;;
    ('config profile|remove') REPLY='remove' ;;
    ('config profile|rm') REPLY='remove' ;;
    ('emulator|start') REPLY='start' ;;
    (*) return 1 ;;
  esac
}

__qarnot_optkind() {
  REPLY=''
  case "$1|$2" in
    ('task list|--state') REPLY='w:Submitted PartiallyDispatched FullyDispatched PartiallyExecuting FullyExecuting DownloadingResults UploadingResults Success Failure Cancelled PendingCancel PendingDelete' ;;
    ('pool list|--state') REPLY='w:Submitted PartiallyDispatched FullyDispatched PartiallyExecuting FullyExecuting Closing Closed PendingDelete Failure' ;;
    ('pool create|--profile') REPLY='@exec-profile' ;;
    ('pool create|--scaling') REPLY='f' ;;
    ('pool create|--scheduling') REPLY='w:Flex OnDemand Reserved' ;;
    ('pool create|-f'|'pool create|--file') REPLY='f' ;;
    ('pool clone|--profile') REPLY='@exec-profile' ;;
    ('pool clone|--scaling') REPLY='f' ;;
    ('pool clone|--scheduling') REPLY='w:Flex OnDemand Reserved' ;;
    ('pool close|--state') REPLY='w:Submitted PartiallyDispatched FullyDispatched PartiallyExecuting FullyExecuting Closing Closed PendingDelete Failure' ;;
    ('pool delete|--state') REPLY='w:Submitted PartiallyDispatched FullyDispatched PartiallyExecuting FullyExecuting Closing Closed PendingDelete Failure' ;;
    ('pool update|--scaling') REPLY='f' ;;
    ('pool wait|--state') REPLY='w:Submitted PartiallyDispatched FullyDispatched PartiallyExecuting FullyExecuting Closing Closed PendingDelete Failure' ;;
    ('pool scaling set|-f'|'pool scaling set|--file') REPLY='f' ;;
    ('pool scaling check|-f'|'pool scaling check|--file') REPLY='f' ;;
    ('job list|--state') REPLY='w:Active Terminating Completed Deleting' ;;
    ('job create|--pool') REPLY='@pool' ;;
    ('job terminate|--state') REPLY='w:Active Terminating Completed Deleting' ;;
    ('job delete|--state') REPLY='w:Active Terminating Completed Deleting' ;;
    ('emulator start|--data') REPLY='d' ;;
    (*'|--profile') REPLY='@config-profile' ;;
    (*'|--format') REPLY='w:table json jsonl tsv' ;;
  esac
}

__qarnot_argkind() {
  REPLY=''
  case "$1|$2" in
    ('task show|0') REPLY='@task' ;;
    ('pool show|0') REPLY='@pool' ;;
    ('pool clone|0') REPLY='@pool' ;;
    ('pool close|'*) REPLY='@pool' ;;
    ('pool delete|'*) REPLY='@pool' ;;
    ('pool update|0') REPLY='@pool' ;;
    ('pool sync|0') REPLY='@pool' ;;
    ('pool stdout|0') REPLY='@pool' ;;
    ('pool stderr|0') REPLY='@pool' ;;
    ('pool tasks|0') REPLY='@pool' ;;
    ('pool jobs|0') REPLY='@pool' ;;
    ('pool wait|0') REPLY='@pool' ;;
    ('pool scaling get|0') REPLY='@pool' ;;
    ('pool scaling set|0') REPLY='@pool' ;;
    ('job show|0') REPLY='@job' ;;
    ('job terminate|'*) REPLY='@job' ;;
    ('job delete|'*) REPLY='@job' ;;
    ('job tasks|0') REPLY='@job' ;;
    ('job wait|0') REPLY='@job' ;;
    ('profile show|0') REPLY='@exec-profile' ;;
    ('config get|0') REPLY='w:api-url as' ;;
    ('config set|0') REPLY='w:api-url as' ;;
    ('config unset|0') REPLY='w:api-url as' ;;
    ('config import|0') REPLY='f' ;;
    ('config profile add|0') REPLY='@config-profile' ;;
    ('config profile use|0') REPLY='@config-profile' ;;
    ('config profile remove|0') REPLY='@config-profile' ;;
    ('completion|0') REPLY='w:bash zsh fish' ;;
  esac
}

_qarnot() {
  local -a typed subs opts valopts vals items
  typed=("${(@Q)words[2,CURRENT-1]}")
  local cur=${(Q)words[CURRENT]} cpath='' pending='' w REPLY kind optpfx='' out c d
  integer operands=0 dashes=0
  for w in "${typed[@]}"; do
    if [[ -n $pending ]]; then pending=''; continue; fi
    if (( ! dashes )) && [[ $w == -- ]]; then dashes=1; continue; fi
    if (( ! dashes )) && [[ $w == -?* ]]; then
      [[ $w == *=* ]] && continue
      __qarnot_node "$cpath"
      (( ${valopts[(Ie)$w]} )) && pending=$w
      continue
    fi
    if (( operands == 0 )) && __qarnot_sub "$cpath" "$w"; then
      cpath=${cpath:+$cpath }$REPLY
    else
      (( operands++ ))
    fi
  done
  __qarnot_node "$cpath"
  if [[ -n $pending ]]; then
    __qarnot_optkind "$cpath" "$pending"; kind=$REPLY
  elif (( ! dashes )) && [[ $cur == --*=* ]]; then
    __qarnot_optkind "$cpath" "${cur%%=*}"; kind=$REPLY
    optpfx=${cur%%=*}=
    compset -P '*='
  elif (( ! dashes )) && [[ $cur == -* ]]; then
    _describe -t options 'option' opts; return
  elif (( $#subs && operands == 0 )); then
    _describe -t commands 'qarnot command' subs; return
  else
    __qarnot_argkind "$cpath" "$operands"; kind=$REPLY
  fi
  case $kind in
    (w:*) vals=(${=kind#w:}); _describe -t values 'value' vals ;;
    (f) _files ;;
    (d) _files -/ ;;
    (@*)
      out=$(qarnot __complete -- "${(@Q)words[2,CURRENT]}" 2>/dev/null)
      for c in "${(@f)out}"; do
        [[ -z $c || $c == :* ]] && continue
        if [[ $c == *$'\t'* ]]; then d=${c#*$'\t'}; c=${c%%$'\t'*}; else d=''; fi
        c=${c#$optpfx}
        items+=("${c//:/\\:}${d:+:$d}")
      done
      (( $#items )) && _describe -t values "${kind#@}" items
      ;;
  esac
}

if [[ ${funcstack[1]} == _qarnot ]]; then
  _qarnot "$@"
else
  compdef _qarnot qarnot
fi
