# fish completion for qarnot. Generated from the command tree by scripts/generate-completions.mjs
# (or "qarnot completion fish"): do not edit by hand.
# Install: qarnot completion fish > ~/.config/fish/completions/qarnot.fish

function __qarnot_node
    set -g __qarnot_subs
    set -g __qarnot_opts
    set -g __qarnot_valopts
    switch $argv[1]
        case ''
            set -g __qarnot_subs 'task	Create, watch and manage tasks' 'pool	Create and manage pools: long-lived capacity for tasks' 'job	Create and manage jobs: groups of tasks with ordering' 'profile	Execution profiles: what a task or pool runs on (docker-batch ...)' 'hardware	Hardware constraints your account can request' 'account	Show your account: email, quotas and what you use of them' 'status	Check that the API is reachable and your token valid' 'versions	List the API versions and their end of life' 'settings	Show the API\'s public settings (storage URL ...)' 'login	Store an API token in a profile (hidden prompt, or --with-token from stdin)' 'logout	Remove the stored token of a profile (the active one by default)' 'config	Read and change the stored configuration and profiles' 'emulator	A local emulator of the Compute API that really runs tasks on this machine' 'completion	Print the shell completion script for bash, zsh or fish' 'help	Show help for a command, or a topic: exit-codes, environment, formatting'
            set -g __qarnot_opts '-V	print the version' '--version	print the version' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)' '-h	show help for a command' '--help	show help for a command'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'task'
            set -g __qarnot_subs 'list	List tasks, newest first (50 by default; --all for every page)' 'show	Show one task (uuid or shortname)' 'create	Create a task (or many, from a file holding an array); prints the new uuid' 'run	Create a task, stream its output and exit with its outcome (0 Success, 1 Failure or Cancelled)' 'clone	Create a copy of a task, with fields overridden by flags; prints the new uuid' 'retry	Run its failed instances again as a new task; prints the new uuid' 'recover	Run its failed and cancelled instances again as a new task; prints the new uuid' 'resume	Run its cancelled instances again as a new task; prints the new uuid' 'abort	Abort tasks (by id or selector; asks first)' 'delete	Delete tasks, aborting them if needed (by id or selector; asks first)' 'update	Change a running task\'s constants or tags (merged with the current ones)' 'sync	Copy the task\'s resource buckets again to its running instances' 'snapshot	Upload a snapshot of a running task\'s files now (prints its id), or every N seconds with --every' 'stdout	Print a task\'s stdout: the whole buffer, only what is new (--fresh), or live (-f)' 'stderr	Print a task\'s stderr: the whole buffer, only what is new (--fresh), or live (-f)' 'wait	Wait until tasks end; exit 0 if all succeeded, 1 if any failed or was cancelled, 124 on timeout' 'search	Search tasks with a filter expression (--where), returning only the fields you --select'
            set -g __qarnot_opts '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'task list'
            set -g __qarnot_subs 
            set -g __qarnot_opts '--limit	show at most N items (default 50)' '--all	list every item, page after page' '--tag	has this tag (repeatable: any of them)' '--tags-all	has every one of these tags (repeatable)' '--state	in this state (repeatable): Submitted, PartiallyDispatched, FullyDispatched, PartiallyExecuting, FullyExecuting, DownloadingResults, UploadingResults, Success, Failure, Cancelled, PendingCancel, PendingDelete' '--name	exact name' '--name-like	name matching a pattern (* and % are wildcards)' '--created-after	created after this date (ISO date or relative: -2h, -7d)' '--created-before	created before this date' '--where	filter expression, e.g. "state = Failure and name like \'render-*\'"' '--sort	sort by creationDate, name, state, executionTime; add :asc or :desc' '--summary	fetch the lighter summary objects' '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--limit' '--tag' '--tags-all' '--state' '--name' '--name-like' '--created-after' '--created-before' '--where' '--sort' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'task show'
            set -g __qarnot_subs 
            set -g __qarnot_opts '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'task create'
            set -g __qarnot_subs 
            set -g __qarnot_opts '--name	task name (required unless in the file)' '--shortname	unique shortname (letters, digits, "-")' '--profile	Qarnot profile to run (e.g. docker-batch); not with --pool. Before "task", --profile picks a stored config profile' '--pool	run in this pool (uuid); not with --profile' '--job	add the task to this job (uuid)' '-n	number of instances (default 1)' '--instances	number of instances (default 1)' '--range	instance ids instead of a count, e.g. 0-3,7' '-c	constant (repeatable; split on the first "=")' '--constant	constant (repeatable; split on the first "=")' '--tag	tag (repeatable, at most 10)' '--label	label (repeatable)' '--resources	resource bucket, or BUCKET/PREFIX/ for a prefix only (repeatable)' '--result	bucket where results are uploaded' '--min-cores	hardware: at least N cores' '--max-cores	hardware: at most N cores' '--min-ram	hardware: at least this much RAM (MB, or 4G, 512M)' '--max-ram	hardware: at most this much RAM (MB, or 4G, 512M)' '--min-ram-ratio	hardware: at least this many GB of RAM per core' '--max-ram-ratio	hardware: at most this many GB of RAM per core' '--gpu	hardware: with a GPU' '--no-gpu	hardware: without a GPU' '--ssd	hardware: with an SSD' '--no-ssd	hardware: without an SSD' '--cpu-model	hardware: this CPU model (e.g. "Ryzen 1700X")' '--hardware	hardware: a machine specification key (substring match; repeatable)' '--max-retries-per-instance	retries allowed per instance' '--max-total-retries	retries allowed over all instances' '--depends-on	start only after this task (uuid; repeatable; the job needs dependencies on)' '--scheduling	scheduling type: flex, onDemand, reserved' '--reserved-machine	reserved machine to target (implies --scheduling reserved)' '--snapshot-whitelist	files included in snapshots' '--snapshot-blacklist	files excluded from snapshots' '--snapshot-bucket	bucket for snapshots (default: the result bucket)' '--snapshot-bucket-prefix	prefix of snapshot files in their bucket' '--results-whitelist	files included in the results' '--results-blacklist	files excluded from the results' '--results-bucket	bucket for the results (overrides --result)' '--results-bucket-prefix	prefix of result files in their bucket' '--wait-for-pool-resources	wait until the pool\'s resources are synchronized before starting' '--upload-results-on-cancellation	upload results even when the task is cancelled' '--auto-delete	delete automatically once complete (after --ttl)' '--ttl	time to keep it once complete, e.g. 30m, 2h (completionTimeToLive)' '--export-credentials	export the API and storage credentials into the environment' '--dry-run	print the request body (JSON) and send nothing' '-f	task body in the API\'s field names, JSON or YAML (- for stdin); an array submits them all in one request; flags override its fields' '--file	task body in the API\'s field names, JSON or YAML (- for stdin); an array submits them all in one request; flags override its fields' '-h	show help for a command' '--help	show help for a command' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--name' '--shortname' '--profile' '--pool' '--job' '-n' '--instances' '--range' '-c' '--constant' '--tag' '--label' '--resources' '--result' '--min-cores' '--max-cores' '--min-ram' '--max-ram' '--min-ram-ratio' '--max-ram-ratio' '--cpu-model' '--hardware' '--max-retries-per-instance' '--max-total-retries' '--depends-on' '--scheduling' '--reserved-machine' '--snapshot-whitelist' '--snapshot-blacklist' '--snapshot-bucket' '--snapshot-bucket-prefix' '--results-whitelist' '--results-blacklist' '--results-bucket' '--results-bucket-prefix' '--ttl' '-f' '--file' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'task run'
            set -g __qarnot_subs 
            set -g __qarnot_opts '--name	task name (required unless in the file)' '--shortname	unique shortname (letters, digits, "-")' '--profile	Qarnot profile to run (e.g. docker-batch); not with --pool. Before "task", --profile picks a stored config profile' '--pool	run in this pool (uuid); not with --profile' '--job	add the task to this job (uuid)' '-n	number of instances (default 1)' '--instances	number of instances (default 1)' '--range	instance ids instead of a count, e.g. 0-3,7' '-c	constant (repeatable; split on the first "=")' '--constant	constant (repeatable; split on the first "=")' '--tag	tag (repeatable, at most 10)' '--label	label (repeatable)' '--resources	resource bucket, or BUCKET/PREFIX/ for a prefix only (repeatable)' '--result	bucket where results are uploaded' '--min-cores	hardware: at least N cores' '--max-cores	hardware: at most N cores' '--min-ram	hardware: at least this much RAM (MB, or 4G, 512M)' '--max-ram	hardware: at most this much RAM (MB, or 4G, 512M)' '--min-ram-ratio	hardware: at least this many GB of RAM per core' '--max-ram-ratio	hardware: at most this many GB of RAM per core' '--gpu	hardware: with a GPU' '--no-gpu	hardware: without a GPU' '--ssd	hardware: with an SSD' '--no-ssd	hardware: without an SSD' '--cpu-model	hardware: this CPU model (e.g. "Ryzen 1700X")' '--hardware	hardware: a machine specification key (substring match; repeatable)' '--max-retries-per-instance	retries allowed per instance' '--max-total-retries	retries allowed over all instances' '--depends-on	start only after this task (uuid; repeatable; the job needs dependencies on)' '--scheduling	scheduling type: flex, onDemand, reserved' '--reserved-machine	reserved machine to target (implies --scheduling reserved)' '--snapshot-whitelist	files included in snapshots' '--snapshot-blacklist	files excluded from snapshots' '--snapshot-bucket	bucket for snapshots (default: the result bucket)' '--snapshot-bucket-prefix	prefix of snapshot files in their bucket' '--results-whitelist	files included in the results' '--results-blacklist	files excluded from the results' '--results-bucket	bucket for the results (overrides --result)' '--results-bucket-prefix	prefix of result files in their bucket' '--wait-for-pool-resources	wait until the pool\'s resources are synchronized before starting' '--upload-results-on-cancellation	upload results even when the task is cancelled' '--auto-delete	delete automatically once complete (after --ttl)' '--ttl	time to keep it once complete, e.g. 30m, 2h (completionTimeToLive)' '--export-credentials	export the API and storage credentials into the environment' '--dry-run	print the request body (JSON) and send nothing' '-f	task body in the API\'s field names, JSON or YAML (- for stdin); an array submits them all in one request; flags override its fields' '--file	task body in the API\'s field names, JSON or YAML (- for stdin); an array submits them all in one request; flags override its fields' '-d	return right after creating (prints the uuid)' '--detach	return right after creating (prints the uuid)' '--timeout	stop following after this long (exit 124; the task keeps running)' '--timestamps	prefix each line with the time it was received' '-h	show help for a command' '--help	show help for a command' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--name' '--shortname' '--profile' '--pool' '--job' '-n' '--instances' '--range' '-c' '--constant' '--tag' '--label' '--resources' '--result' '--min-cores' '--max-cores' '--min-ram' '--max-ram' '--min-ram-ratio' '--max-ram-ratio' '--cpu-model' '--hardware' '--max-retries-per-instance' '--max-total-retries' '--depends-on' '--scheduling' '--reserved-machine' '--snapshot-whitelist' '--snapshot-blacklist' '--snapshot-bucket' '--snapshot-bucket-prefix' '--results-whitelist' '--results-blacklist' '--results-bucket' '--results-bucket-prefix' '--ttl' '-f' '--file' '--timeout' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'task clone'
            set -g __qarnot_subs 
            set -g __qarnot_opts '--name	new name' '--shortname	unique shortname (letters, digits, "-")' '--profile	Qarnot profile to run (e.g. docker-batch); not with --pool. Before "task", --profile picks a stored config profile' '--job	add the task to this job (uuid)' '-n	number of instances (default 1)' '--instances	number of instances (default 1)' '--range	instance ids instead of a count, e.g. 0-3,7' '-c	constant (repeatable; split on the first "=")' '--constant	constant (repeatable; split on the first "=")' '--tag	tag (repeatable, at most 10)' '--label	label (repeatable)' '--resources	resource bucket, or BUCKET/PREFIX/ for a prefix only (repeatable)' '--result	bucket where results are uploaded' '--min-cores	hardware: at least N cores' '--max-cores	hardware: at most N cores' '--min-ram	hardware: at least this much RAM (MB, or 4G, 512M)' '--max-ram	hardware: at most this much RAM (MB, or 4G, 512M)' '--min-ram-ratio	hardware: at least this many GB of RAM per core' '--max-ram-ratio	hardware: at most this many GB of RAM per core' '--gpu	hardware: with a GPU' '--no-gpu	hardware: without a GPU' '--ssd	hardware: with an SSD' '--no-ssd	hardware: without an SSD' '--cpu-model	hardware: this CPU model (e.g. "Ryzen 1700X")' '--hardware	hardware: a machine specification key (substring match; repeatable)' '--max-retries-per-instance	retries allowed per instance' '--max-total-retries	retries allowed over all instances' '--depends-on	start only after this task (uuid; repeatable; the job needs dependencies on)' '--scheduling	scheduling type: flex, onDemand, reserved' '--reserved-machine	reserved machine to target (implies --scheduling reserved)' '--snapshot-whitelist	files included in snapshots' '--snapshot-blacklist	files excluded from snapshots' '--snapshot-bucket	bucket for snapshots (default: the result bucket)' '--snapshot-bucket-prefix	prefix of snapshot files in their bucket' '--results-whitelist	files included in the results' '--results-blacklist	files excluded from the results' '--results-bucket	bucket for the results (overrides --result)' '--results-bucket-prefix	prefix of result files in their bucket' '--wait-for-pool-resources	wait until the pool\'s resources are synchronized before starting' '--upload-results-on-cancellation	upload results even when the task is cancelled' '--auto-delete	delete automatically once complete (after --ttl)' '--ttl	time to keep it once complete, e.g. 30m, 2h (completionTimeToLive)' '--export-credentials	export the API and storage credentials into the environment' '--dry-run	print the request body (JSON) and send nothing' '-f	task body in the API\'s field names, JSON or YAML (- for stdin); an array submits them all in one request; flags override its fields' '--file	task body in the API\'s field names, JSON or YAML (- for stdin); an array submits them all in one request; flags override its fields' '-h	show help for a command' '--help	show help for a command' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--name' '--shortname' '--profile' '--job' '-n' '--instances' '--range' '-c' '--constant' '--tag' '--label' '--resources' '--result' '--min-cores' '--max-cores' '--min-ram' '--max-ram' '--min-ram-ratio' '--max-ram-ratio' '--cpu-model' '--hardware' '--max-retries-per-instance' '--max-total-retries' '--depends-on' '--scheduling' '--reserved-machine' '--snapshot-whitelist' '--snapshot-blacklist' '--snapshot-bucket' '--snapshot-bucket-prefix' '--results-whitelist' '--results-blacklist' '--results-bucket' '--results-bucket-prefix' '--ttl' '-f' '--file' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'task retry'
            set -g __qarnot_subs 
            set -g __qarnot_opts '--name	new name' '--shortname	unique shortname (letters, digits, "-")' '--profile	Qarnot profile to run (e.g. docker-batch); not with --pool. Before "task", --profile picks a stored config profile' '--job	add the task to this job (uuid)' '-c	constant (repeatable; split on the first "=")' '--constant	constant (repeatable; split on the first "=")' '--tag	tag (repeatable, at most 10)' '--label	label (repeatable)' '--resources	resource bucket, or BUCKET/PREFIX/ for a prefix only (repeatable)' '--result	bucket where results are uploaded' '--min-cores	hardware: at least N cores' '--max-cores	hardware: at most N cores' '--min-ram	hardware: at least this much RAM (MB, or 4G, 512M)' '--max-ram	hardware: at most this much RAM (MB, or 4G, 512M)' '--min-ram-ratio	hardware: at least this many GB of RAM per core' '--max-ram-ratio	hardware: at most this many GB of RAM per core' '--gpu	hardware: with a GPU' '--no-gpu	hardware: without a GPU' '--ssd	hardware: with an SSD' '--no-ssd	hardware: without an SSD' '--cpu-model	hardware: this CPU model (e.g. "Ryzen 1700X")' '--hardware	hardware: a machine specification key (substring match; repeatable)' '--max-retries-per-instance	retries allowed per instance' '--max-total-retries	retries allowed over all instances' '--depends-on	start only after this task (uuid; repeatable; the job needs dependencies on)' '--scheduling	scheduling type: flex, onDemand, reserved' '--reserved-machine	reserved machine to target (implies --scheduling reserved)' '--snapshot-whitelist	files included in snapshots' '--snapshot-blacklist	files excluded from snapshots' '--snapshot-bucket	bucket for snapshots (default: the result bucket)' '--snapshot-bucket-prefix	prefix of snapshot files in their bucket' '--results-whitelist	files included in the results' '--results-blacklist	files excluded from the results' '--results-bucket	bucket for the results (overrides --result)' '--results-bucket-prefix	prefix of result files in their bucket' '--wait-for-pool-resources	wait until the pool\'s resources are synchronized before starting' '--upload-results-on-cancellation	upload results even when the task is cancelled' '--auto-delete	delete automatically once complete (after --ttl)' '--ttl	time to keep it once complete, e.g. 30m, 2h (completionTimeToLive)' '--export-credentials	export the API and storage credentials into the environment' '--dry-run	print the request body (JSON) and send nothing' '-f	task body in the API\'s field names, JSON or YAML (- for stdin); an array submits them all in one request; flags override its fields' '--file	task body in the API\'s field names, JSON or YAML (- for stdin); an array submits them all in one request; flags override its fields' '-h	show help for a command' '--help	show help for a command' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--name' '--shortname' '--profile' '--job' '-c' '--constant' '--tag' '--label' '--resources' '--result' '--min-cores' '--max-cores' '--min-ram' '--max-ram' '--min-ram-ratio' '--max-ram-ratio' '--cpu-model' '--hardware' '--max-retries-per-instance' '--max-total-retries' '--depends-on' '--scheduling' '--reserved-machine' '--snapshot-whitelist' '--snapshot-blacklist' '--snapshot-bucket' '--snapshot-bucket-prefix' '--results-whitelist' '--results-blacklist' '--results-bucket' '--results-bucket-prefix' '--ttl' '-f' '--file' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'task recover'
            set -g __qarnot_subs 
            set -g __qarnot_opts '--name	new name' '--shortname	unique shortname (letters, digits, "-")' '--profile	Qarnot profile to run (e.g. docker-batch); not with --pool. Before "task", --profile picks a stored config profile' '--job	add the task to this job (uuid)' '-c	constant (repeatable; split on the first "=")' '--constant	constant (repeatable; split on the first "=")' '--tag	tag (repeatable, at most 10)' '--label	label (repeatable)' '--resources	resource bucket, or BUCKET/PREFIX/ for a prefix only (repeatable)' '--result	bucket where results are uploaded' '--min-cores	hardware: at least N cores' '--max-cores	hardware: at most N cores' '--min-ram	hardware: at least this much RAM (MB, or 4G, 512M)' '--max-ram	hardware: at most this much RAM (MB, or 4G, 512M)' '--min-ram-ratio	hardware: at least this many GB of RAM per core' '--max-ram-ratio	hardware: at most this many GB of RAM per core' '--gpu	hardware: with a GPU' '--no-gpu	hardware: without a GPU' '--ssd	hardware: with an SSD' '--no-ssd	hardware: without an SSD' '--cpu-model	hardware: this CPU model (e.g. "Ryzen 1700X")' '--hardware	hardware: a machine specification key (substring match; repeatable)' '--max-retries-per-instance	retries allowed per instance' '--max-total-retries	retries allowed over all instances' '--depends-on	start only after this task (uuid; repeatable; the job needs dependencies on)' '--scheduling	scheduling type: flex, onDemand, reserved' '--reserved-machine	reserved machine to target (implies --scheduling reserved)' '--snapshot-whitelist	files included in snapshots' '--snapshot-blacklist	files excluded from snapshots' '--snapshot-bucket	bucket for snapshots (default: the result bucket)' '--snapshot-bucket-prefix	prefix of snapshot files in their bucket' '--results-whitelist	files included in the results' '--results-blacklist	files excluded from the results' '--results-bucket	bucket for the results (overrides --result)' '--results-bucket-prefix	prefix of result files in their bucket' '--wait-for-pool-resources	wait until the pool\'s resources are synchronized before starting' '--upload-results-on-cancellation	upload results even when the task is cancelled' '--auto-delete	delete automatically once complete (after --ttl)' '--ttl	time to keep it once complete, e.g. 30m, 2h (completionTimeToLive)' '--export-credentials	export the API and storage credentials into the environment' '--dry-run	print the request body (JSON) and send nothing' '-f	task body in the API\'s field names, JSON or YAML (- for stdin); an array submits them all in one request; flags override its fields' '--file	task body in the API\'s field names, JSON or YAML (- for stdin); an array submits them all in one request; flags override its fields' '-h	show help for a command' '--help	show help for a command' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--name' '--shortname' '--profile' '--job' '-c' '--constant' '--tag' '--label' '--resources' '--result' '--min-cores' '--max-cores' '--min-ram' '--max-ram' '--min-ram-ratio' '--max-ram-ratio' '--cpu-model' '--hardware' '--max-retries-per-instance' '--max-total-retries' '--depends-on' '--scheduling' '--reserved-machine' '--snapshot-whitelist' '--snapshot-blacklist' '--snapshot-bucket' '--snapshot-bucket-prefix' '--results-whitelist' '--results-blacklist' '--results-bucket' '--results-bucket-prefix' '--ttl' '-f' '--file' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'task resume'
            set -g __qarnot_subs 
            set -g __qarnot_opts '--name	new name' '--shortname	unique shortname (letters, digits, "-")' '--profile	Qarnot profile to run (e.g. docker-batch); not with --pool. Before "task", --profile picks a stored config profile' '--job	add the task to this job (uuid)' '-c	constant (repeatable; split on the first "=")' '--constant	constant (repeatable; split on the first "=")' '--tag	tag (repeatable, at most 10)' '--label	label (repeatable)' '--resources	resource bucket, or BUCKET/PREFIX/ for a prefix only (repeatable)' '--result	bucket where results are uploaded' '--min-cores	hardware: at least N cores' '--max-cores	hardware: at most N cores' '--min-ram	hardware: at least this much RAM (MB, or 4G, 512M)' '--max-ram	hardware: at most this much RAM (MB, or 4G, 512M)' '--min-ram-ratio	hardware: at least this many GB of RAM per core' '--max-ram-ratio	hardware: at most this many GB of RAM per core' '--gpu	hardware: with a GPU' '--no-gpu	hardware: without a GPU' '--ssd	hardware: with an SSD' '--no-ssd	hardware: without an SSD' '--cpu-model	hardware: this CPU model (e.g. "Ryzen 1700X")' '--hardware	hardware: a machine specification key (substring match; repeatable)' '--max-retries-per-instance	retries allowed per instance' '--max-total-retries	retries allowed over all instances' '--depends-on	start only after this task (uuid; repeatable; the job needs dependencies on)' '--scheduling	scheduling type: flex, onDemand, reserved' '--reserved-machine	reserved machine to target (implies --scheduling reserved)' '--snapshot-whitelist	files included in snapshots' '--snapshot-blacklist	files excluded from snapshots' '--snapshot-bucket	bucket for snapshots (default: the result bucket)' '--snapshot-bucket-prefix	prefix of snapshot files in their bucket' '--results-whitelist	files included in the results' '--results-blacklist	files excluded from the results' '--results-bucket	bucket for the results (overrides --result)' '--results-bucket-prefix	prefix of result files in their bucket' '--wait-for-pool-resources	wait until the pool\'s resources are synchronized before starting' '--upload-results-on-cancellation	upload results even when the task is cancelled' '--auto-delete	delete automatically once complete (after --ttl)' '--ttl	time to keep it once complete, e.g. 30m, 2h (completionTimeToLive)' '--export-credentials	export the API and storage credentials into the environment' '--dry-run	print the request body (JSON) and send nothing' '-f	task body in the API\'s field names, JSON or YAML (- for stdin); an array submits them all in one request; flags override its fields' '--file	task body in the API\'s field names, JSON or YAML (- for stdin); an array submits them all in one request; flags override its fields' '-h	show help for a command' '--help	show help for a command' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--name' '--shortname' '--profile' '--job' '-c' '--constant' '--tag' '--label' '--resources' '--result' '--min-cores' '--max-cores' '--min-ram' '--max-ram' '--min-ram-ratio' '--max-ram-ratio' '--cpu-model' '--hardware' '--max-retries-per-instance' '--max-total-retries' '--depends-on' '--scheduling' '--reserved-machine' '--snapshot-whitelist' '--snapshot-blacklist' '--snapshot-bucket' '--snapshot-bucket-prefix' '--results-whitelist' '--results-blacklist' '--results-bucket' '--results-bucket-prefix' '--ttl' '-f' '--file' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'task abort'
            set -g __qarnot_subs 
            set -g __qarnot_opts '--tag	select tasks with this tag (repeatable: any of them)' '--tags-all	select tasks with every one of these tags (repeatable)' '--state	select tasks in this state (repeatable): Submitted, PartiallyDispatched, FullyDispatched, PartiallyExecuting, FullyExecuting, DownloadingResults, UploadingResults, Success, Failure, Cancelled, PendingCancel, PendingDelete' '--name	select tasks with this exact name' '--name-like	select tasks whose name matches (* and % are wildcards)' '--created-after	select tasks created after this date' '--created-before	select tasks created before this date' '--where	select with a filter expression' '--all	select every one of your tasks' '-y	abort without asking (required when not on a terminal)' '--yes	abort without asking (required when not on a terminal)' '--dry-run	list what would be affected; abort nothing' '--concurrency	requests in flight at once (default 8)' '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--tag' '--tags-all' '--state' '--name' '--name-like' '--created-after' '--created-before' '--where' '--concurrency' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'task delete'
            set -g __qarnot_subs 
            set -g __qarnot_opts '--tag	select tasks with this tag (repeatable: any of them)' '--tags-all	select tasks with every one of these tags (repeatable)' '--state	select tasks in this state (repeatable): Submitted, PartiallyDispatched, FullyDispatched, PartiallyExecuting, FullyExecuting, DownloadingResults, UploadingResults, Success, Failure, Cancelled, PendingCancel, PendingDelete' '--name	select tasks with this exact name' '--name-like	select tasks whose name matches (* and % are wildcards)' '--created-after	select tasks created after this date' '--created-before	select tasks created before this date' '--where	select with a filter expression' '--all	select every one of your tasks' '-y	delete without asking (required when not on a terminal)' '--yes	delete without asking (required when not on a terminal)' '--dry-run	list what would be affected; delete nothing' '--concurrency	requests in flight at once (default 8)' '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--tag' '--tags-all' '--state' '--name' '--name-like' '--created-after' '--created-before' '--where' '--concurrency' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'task update'
            set -g __qarnot_subs 
            set -g __qarnot_opts '-c	set this constant (repeatable)' '--constant	set this constant (repeatable)' '--tag	add this tag (repeatable)' '--untag	remove this tag (repeatable)' '--replace	replace all constants (if any -c) and all tags (if any --tag) instead of merging' '--dry-run	print the request body and send nothing' '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '-c' '--constant' '--tag' '--untag' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'task sync'
            set -g __qarnot_subs 
            set -g __qarnot_opts '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'task snapshot'
            set -g __qarnot_subs 
            set -g __qarnot_opts '--every	periodic snapshots every N seconds (0 stops them)' '--whitelist	files to include' '--blacklist	files to exclude' '--bucket	bucket to upload to' '--prefix	prefix of the files in the bucket' '--wait	wait until the snapshot succeeded or failed (exit 1 on failure)' '--timeout	with --wait: give up after this long (exit 124)' '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--every' '--whitelist' '--blacklist' '--bucket' '--prefix' '--timeout' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'task stdout'
            set -g __qarnot_subs 
            set -g __qarnot_opts '--instance	only this instance (no prefix)' '--fresh	only what was written since the previous fresh read (moves a cursor shared with other readers)' '-f	keep printing new output until the task ends; exit with its outcome' '--follow	keep printing new output until the task ends; exit with its outcome' '--both	with -f: follow stdout and stderr together (stderr lines on stderr)' '--timeout	with -f: stop following after this long (exit 124)' '--timestamps	prefix each line with the time it was received' '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--instance' '--timeout' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'task stderr'
            set -g __qarnot_subs 
            set -g __qarnot_opts '--instance	only this instance (no prefix)' '--fresh	only what was written since the previous fresh read (moves a cursor shared with other readers)' '-f	keep printing new output until the task ends; exit with its outcome' '--follow	keep printing new output until the task ends; exit with its outcome' '--both	with -f: follow stdout and stderr together (stderr lines on stderr)' '--timeout	with -f: stop following after this long (exit 124)' '--timestamps	prefix each line with the time it was received' '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--instance' '--timeout' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'task wait'
            set -g __qarnot_subs 
            set -g __qarnot_opts '--tag	select tasks with this tag (repeatable: any of them)' '--tags-all	select tasks with every one of these tags (repeatable)' '--state	select tasks in this state (repeatable): Submitted, PartiallyDispatched, FullyDispatched, PartiallyExecuting, FullyExecuting, DownloadingResults, UploadingResults, Success, Failure, Cancelled, PendingCancel, PendingDelete' '--name	select tasks with this exact name' '--name-like	select tasks whose name matches (* and % are wildcards)' '--created-after	select tasks created after this date' '--created-before	select tasks created before this date' '--where	select with a filter expression' '--all	select every one of your tasks' '--timeout	give up after this long (exit 124), e.g. 30m' '--interval	time between polls (default 5s)' '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--tag' '--tags-all' '--state' '--name' '--name-like' '--created-after' '--created-before' '--where' '--timeout' '--interval' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'task search'
            set -g __qarnot_subs 
            set -g __qarnot_opts '--where	filter expression' '--select	only these fields, e.g. name,state,status.executionProgress' '--max	at most N results (default 100)' '--print-filter	print the compiled filter as JSON and send nothing' '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--where' '--select' '--max' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'pool'
            set -g __qarnot_subs 'list	List pools (50 by default; --all for every page)' 'show	Show one pool (uuid or shortname)' 'create	Create a pool from flags or a JSON/YAML file; prints its uuid' 'clone	Create a copy of a pool, with fields overridden by flags; prints the new uuid' 'close	Close pools: their tasks are cancelled and the nodes released' 'delete	Delete pools (closing them first)' 'update	Change a running pool\'s constants, tags, elastic settings or scaling' 'sync	Copy the pool\'s resource buckets again to its running nodes' 'stdout	Print a pool\'s stdout (whole buffer, only what is new with --fresh, live with -f)' 'stderr	Print a pool\'s stderr (whole buffer, only what is new with --fresh, live with -f)' 'tasks	List the tasks of a pool' 'jobs	List the jobs of a pool' 'wait	Wait until a pool is ready (FullyExecuting) or ended; --state to wait for another state' 'scaling	Read, set and check the scaling policies of pools' 'search	Search pools with a filter expression (--where), returning only the fields you --select'
            set -g __qarnot_opts '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'pool list'
            set -g __qarnot_subs 
            set -g __qarnot_opts '--limit	show at most N items (default 50)' '--all	list every item, page after page' '--tag	has this tag (repeatable: any of them)' '--tags-all	has every one of these tags (repeatable)' '--state	in this state (repeatable): Submitted, PartiallyDispatched, FullyDispatched, PartiallyExecuting, FullyExecuting, Closing, Closed, PendingDelete, Failure' '--name	exact name' '--name-like	name matching a pattern (* and % are wildcards)' '--created-after	created after this date (ISO date or relative: -2h, -7d)' '--created-before	created before this date' '--where	filter expression, e.g. "state = Failure and name like \'render-*\'"' '--sort	sort by creationDate, name, state, executionTime; add :asc or :desc' '--summary	fetch the lighter summary objects' '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--limit' '--tag' '--tags-all' '--state' '--name' '--name-like' '--created-after' '--created-before' '--where' '--sort' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'pool show'
            set -g __qarnot_subs 
            set -g __qarnot_opts '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'pool create'
            set -g __qarnot_subs 
            set -g __qarnot_opts '--name	pool name' '--shortname	unique short name, usable instead of the uuid' '--profile	execution profile, e.g. docker-batch' '-n	number of instances (slots) of the pool' '--instances	number of instances (slots) of the pool' '-c	constant (repeatable; split on the first "=")' '--constant	constant (repeatable; split on the first "=")' '--tag	tag (repeatable, at most 10)' '--label	label (repeatable)' '--resources	resource bucket, optionally filtered on a prefix (repeatable)' '--min-cores	hardware: at least N cores' '--max-cores	hardware: at most N cores' '--min-ram	hardware: at least this much RAM (MB, or 4G, 512M)' '--max-ram	hardware: at most this much RAM (MB, or 4G, 512M)' '--min-ram-ratio	hardware: at least this many GB of RAM per core' '--max-ram-ratio	hardware: at most this many GB of RAM per core' '--gpu	hardware: with a GPU' '--no-gpu	hardware: without a GPU' '--ssd	hardware: with an SSD' '--no-ssd	hardware: without an SSD' '--cpu-model	hardware: this CPU model (e.g. "Ryzen 1700X")' '--hardware	hardware: a machine specification key (substring match; repeatable)' '--elastic-min-slots	elastic: fewest slots (minTotalSlots)' '--elastic-max-slots	elastic: most slots (maxTotalSlots)' '--elastic-min-idle-slots	elastic: idle slots to keep (minIdleSlots)' '--elastic-resize-period	elastic: time between resizes, e.g. 90s (resizePeriod)' '--elastic-resize-factor	elastic: ramp resize factor, 0 <= x < 1 (rampResizeFactor)' '--elastic-min-idle-time	elastic: idle time before a slot is released, e.g. 90s (minIdleTimeSeconds)' '--scaling	scaling policies from a JSON or YAML file (see "qarnot pool scaling set")' '--fixed	start a policy keeping exactly SLOTS slots' '--managed	start a policy scaled on the task queue: min=0,max=10,idle=1,idle-time=90s,factor=0.5 (max required)' '--always	the current policy applies at any time' '--weekly	the current policy applies on these days and UTC hours, e.g. \'mon-fri 08:00-18:00\', \'sat,sun\' (repeatable)' '--preparation-command	command run on each node before tasks (preparationTask)' '--tasks-wait-for-sync	tasks of this pool wait for the pool\'s resources to be synchronised by default' '--max-retries-per-instance	retries allowed per instance' '--max-total-retries	retries allowed over all instances' '--scheduling	scheduling type: flex, onDemand, reserved' '--reserved-machine	reserved machine to target (implies --scheduling reserved)' '--auto-delete	delete automatically once complete (after --ttl)' '--ttl	time to keep it once complete, e.g. 30m, 2h (completionTimeToLive)' '--export-credentials	export the API and storage credentials into the environment' '--dry-run	print the request body and send nothing' '-f	pool body as JSON or YAML (- for stdin); flags override its fields' '--file	pool body as JSON or YAML (- for stdin); flags override its fields' '-h	show help for a command' '--help	show help for a command' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--name' '--shortname' '--profile' '-n' '--instances' '-c' '--constant' '--tag' '--label' '--resources' '--min-cores' '--max-cores' '--min-ram' '--max-ram' '--min-ram-ratio' '--max-ram-ratio' '--cpu-model' '--hardware' '--elastic-min-slots' '--elastic-max-slots' '--elastic-min-idle-slots' '--elastic-resize-period' '--elastic-resize-factor' '--elastic-min-idle-time' '--scaling' '--fixed' '--managed' '--weekly' '--preparation-command' '--max-retries-per-instance' '--max-total-retries' '--scheduling' '--reserved-machine' '--ttl' '-f' '--file' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'pool clone'
            set -g __qarnot_subs 
            set -g __qarnot_opts '--name	pool name' '--shortname	unique short name, usable instead of the uuid' '--profile	execution profile, e.g. docker-batch' '-n	number of instances (slots) of the pool' '--instances	number of instances (slots) of the pool' '-c	constant (repeatable; split on the first "=")' '--constant	constant (repeatable; split on the first "=")' '--tag	tag (repeatable, at most 10)' '--label	label (repeatable)' '--resources	resource bucket, optionally filtered on a prefix (repeatable)' '--min-cores	hardware: at least N cores' '--max-cores	hardware: at most N cores' '--min-ram	hardware: at least this much RAM (MB, or 4G, 512M)' '--max-ram	hardware: at most this much RAM (MB, or 4G, 512M)' '--min-ram-ratio	hardware: at least this many GB of RAM per core' '--max-ram-ratio	hardware: at most this many GB of RAM per core' '--gpu	hardware: with a GPU' '--no-gpu	hardware: without a GPU' '--ssd	hardware: with an SSD' '--no-ssd	hardware: without an SSD' '--cpu-model	hardware: this CPU model (e.g. "Ryzen 1700X")' '--hardware	hardware: a machine specification key (substring match; repeatable)' '--elastic-min-slots	elastic: fewest slots (minTotalSlots)' '--elastic-max-slots	elastic: most slots (maxTotalSlots)' '--elastic-min-idle-slots	elastic: idle slots to keep (minIdleSlots)' '--elastic-resize-period	elastic: time between resizes, e.g. 90s (resizePeriod)' '--elastic-resize-factor	elastic: ramp resize factor, 0 <= x < 1 (rampResizeFactor)' '--elastic-min-idle-time	elastic: idle time before a slot is released, e.g. 90s (minIdleTimeSeconds)' '--scaling	scaling policies from a JSON or YAML file (see "qarnot pool scaling set")' '--fixed	start a policy keeping exactly SLOTS slots' '--managed	start a policy scaled on the task queue: min=0,max=10,idle=1,idle-time=90s,factor=0.5 (max required)' '--always	the current policy applies at any time' '--weekly	the current policy applies on these days and UTC hours, e.g. \'mon-fri 08:00-18:00\', \'sat,sun\' (repeatable)' '--preparation-command	command run on each node before tasks (preparationTask)' '--tasks-wait-for-sync	tasks of this pool wait for the pool\'s resources to be synchronised by default' '--max-retries-per-instance	retries allowed per instance' '--max-total-retries	retries allowed over all instances' '--scheduling	scheduling type: flex, onDemand, reserved' '--reserved-machine	reserved machine to target (implies --scheduling reserved)' '--auto-delete	delete automatically once complete (after --ttl)' '--ttl	time to keep it once complete, e.g. 30m, 2h (completionTimeToLive)' '--export-credentials	export the API and storage credentials into the environment' '--dry-run	print the request body and send nothing' '-h	show help for a command' '--help	show help for a command' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--name' '--shortname' '--profile' '-n' '--instances' '-c' '--constant' '--tag' '--label' '--resources' '--min-cores' '--max-cores' '--min-ram' '--max-ram' '--min-ram-ratio' '--max-ram-ratio' '--cpu-model' '--hardware' '--elastic-min-slots' '--elastic-max-slots' '--elastic-min-idle-slots' '--elastic-resize-period' '--elastic-resize-factor' '--elastic-min-idle-time' '--scaling' '--fixed' '--managed' '--weekly' '--preparation-command' '--max-retries-per-instance' '--max-total-retries' '--scheduling' '--reserved-machine' '--ttl' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'pool close'
            set -g __qarnot_subs 
            set -g __qarnot_opts '--tag	select pools with this tag (repeatable: any of them)' '--tags-all	select pools with every one of these tags (repeatable)' '--state	select pools in this state (repeatable): Submitted, PartiallyDispatched, FullyDispatched, PartiallyExecuting, FullyExecuting, Closing, Closed, PendingDelete, Failure' '--name	select pools with this exact name' '--name-like	select pools whose name matches (* and % are wildcards)' '--created-after	select pools created after this date' '--created-before	select pools created before this date' '--where	select with a filter expression' '--all	select every one of your pools' '-y	close without asking (required when not on a terminal)' '--yes	close without asking (required when not on a terminal)' '--dry-run	list what would be affected; close nothing' '--concurrency	requests in flight at once (default 8)' '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--tag' '--tags-all' '--state' '--name' '--name-like' '--created-after' '--created-before' '--where' '--concurrency' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'pool delete'
            set -g __qarnot_subs 
            set -g __qarnot_opts '--tag	select pools with this tag (repeatable: any of them)' '--tags-all	select pools with every one of these tags (repeatable)' '--state	select pools in this state (repeatable): Submitted, PartiallyDispatched, FullyDispatched, PartiallyExecuting, FullyExecuting, Closing, Closed, PendingDelete, Failure' '--name	select pools with this exact name' '--name-like	select pools whose name matches (* and % are wildcards)' '--created-after	select pools created after this date' '--created-before	select pools created before this date' '--where	select with a filter expression' '--all	select every one of your pools' '-y	delete without asking (required when not on a terminal)' '--yes	delete without asking (required when not on a terminal)' '--dry-run	list what would be affected; delete nothing' '--concurrency	requests in flight at once (default 8)' '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--tag' '--tags-all' '--state' '--name' '--name-like' '--created-after' '--created-before' '--where' '--concurrency' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'pool update'
            set -g __qarnot_subs 
            set -g __qarnot_opts '-c	set this constant, keeping the others (repeatable)' '--constant	set this constant, keeping the others (repeatable)' '--tag	add this tag (repeatable)' '--untag	remove this tag (repeatable)' '--scaling	replace the scaling policies with those of this JSON or YAML file' '--elastic-min-slots	elastic: fewest slots (minTotalSlots)' '--elastic-max-slots	elastic: most slots (maxTotalSlots)' '--elastic-min-idle-slots	elastic: idle slots to keep (minIdleSlots)' '--elastic-resize-period	elastic: time between resizes, e.g. 90s (resizePeriod)' '--elastic-resize-factor	elastic: ramp resize factor, 0 <= x < 1 (rampResizeFactor)' '--elastic-min-idle-time	elastic: idle time before a slot is released, e.g. 90s (minIdleTimeSeconds)' '--fixed	start a policy keeping exactly SLOTS slots' '--managed	start a policy scaled on the task queue: min=0,max=10,idle=1,idle-time=90s,factor=0.5 (max required)' '--always	the current policy applies at any time' '--weekly	the current policy applies on these days and UTC hours, e.g. \'mon-fri 08:00-18:00\', \'sat,sun\' (repeatable)' '--dry-run	print the request body and send nothing' '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '-c' '--constant' '--tag' '--untag' '--scaling' '--elastic-min-slots' '--elastic-max-slots' '--elastic-min-idle-slots' '--elastic-resize-period' '--elastic-resize-factor' '--elastic-min-idle-time' '--fixed' '--managed' '--weekly' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'pool sync'
            set -g __qarnot_subs 
            set -g __qarnot_opts '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'pool stdout'
            set -g __qarnot_subs 
            set -g __qarnot_opts '--instance	only this instance' '--fresh	only what was written since the last read' '-f	keep printing new output until the pool is closed' '--follow	keep printing new output until the pool is closed' '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--instance' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'pool stderr'
            set -g __qarnot_subs 
            set -g __qarnot_opts '--instance	only this instance' '--fresh	only what was written since the last read' '-f	keep printing new output until the pool is closed' '--follow	keep printing new output until the pool is closed' '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--instance' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'pool tasks'
            set -g __qarnot_subs 
            set -g __qarnot_opts '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'pool jobs'
            set -g __qarnot_subs 
            set -g __qarnot_opts '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'pool wait'
            set -g __qarnot_subs 
            set -g __qarnot_opts '--state	wait for this state (repeatable): Submitted, PartiallyDispatched, FullyDispatched, PartiallyExecuting, FullyExecuting, Closing, Closed, PendingDelete, Failure' '--timeout	give up after this long (exit 124)' '--interval	time between checks (default 2s)' '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--state' '--timeout' '--interval' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'pool scaling'
            set -g __qarnot_subs 'get	Show a pool\'s scaling policies and their periods; the active one is marked' 'set	Replace a pool\'s scaling policies, from -f FILE or from flags' 'check	Check scaling policies (file or flags) without a pool: each problem on its own line'
            set -g __qarnot_opts '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'pool scaling get'
            set -g __qarnot_subs 
            set -g __qarnot_opts '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'pool scaling set'
            set -g __qarnot_subs 
            set -g __qarnot_opts '-f	policies as JSON or YAML (- for stdin)' '--file	policies as JSON or YAML (- for stdin)' '--fixed	start a policy keeping exactly SLOTS slots' '--managed	start a policy scaled on the task queue: min=0,max=10,idle=1,idle-time=90s,factor=0.5 (max required)' '--always	the current policy applies at any time' '--weekly	the current policy applies on these days and UTC hours, e.g. \'mon-fri 08:00-18:00\', \'sat,sun\' (repeatable)' '--name	name the current policy (default policy-1, policy-2 ...)' '--dry-run	print the request body and send nothing' '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '-f' '--file' '--fixed' '--managed' '--weekly' '--name' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'pool scaling check'
            set -g __qarnot_subs 
            set -g __qarnot_opts '-f	policies as JSON or YAML (- for stdin)' '--file	policies as JSON or YAML (- for stdin)' '--fixed	start a policy keeping exactly SLOTS slots' '--managed	start a policy scaled on the task queue: min=0,max=10,idle=1,idle-time=90s,factor=0.5 (max required)' '--always	the current policy applies at any time' '--weekly	the current policy applies on these days and UTC hours, e.g. \'mon-fri 08:00-18:00\', \'sat,sun\' (repeatable)' '--name	name the current policy (default policy-1, policy-2 ...)' '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '-f' '--file' '--fixed' '--managed' '--weekly' '--name' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'pool search'
            set -g __qarnot_subs 
            set -g __qarnot_opts '--where	filter expression' '--select	only these fields, e.g. name,state,status.executionProgress' '--max	at most N results (default 100)' '--print-filter	print the compiled filter as JSON and send nothing' '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--where' '--select' '--max' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'job'
            set -g __qarnot_subs 'list	List jobs (50 by default; --all for every page)' 'show	Show one job (uuid or shortname)' 'create	Create a job; prints its uuid' 'terminate	Terminate jobs: their unfinished tasks are cancelled' 'delete	Delete jobs; --force also deletes their tasks' 'tasks	List the tasks of a job' 'wait	Wait until a job is done: Completed, or every one of its tasks finished' 'search	Search jobs with a filter expression (--where), returning only the fields you --select'
            set -g __qarnot_opts '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'job list'
            set -g __qarnot_subs 
            set -g __qarnot_opts '--limit	show at most N items (default 50)' '--all	list every item, page after page' '--tag	has this tag (repeatable: any of them)' '--tags-all	has every one of these tags (repeatable)' '--state	in this state (repeatable): Active, Terminating, Completed, Deleting' '--name	exact name' '--name-like	name matching a pattern (* and % are wildcards)' '--created-after	created after this date (ISO date or relative: -2h, -7d)' '--created-before	created before this date' '--where	filter expression, e.g. "state = Failure and name like \'render-*\'"' '--sort	sort by creationDate, name, state; add :asc or :desc' '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--limit' '--tag' '--tags-all' '--state' '--name' '--name-like' '--created-after' '--created-before' '--where' '--sort' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'job show'
            set -g __qarnot_subs 
            set -g __qarnot_opts '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'job create'
            set -g __qarnot_subs 
            set -g __qarnot_opts '--name	job name (required)' '--shortname	unique short name, usable instead of the uuid' '--pool	run its tasks in this pool (uuid or shortname)' '--use-dependencies	let its tasks depend on one another (--depends-on)' '--max-wall-time	terminate the job after this long, e.g. 2h, 1d, 10:00:00' '--tag	tag (repeatable, at most 10)' '--auto-delete	delete automatically once completed (after --ttl)' '--ttl	time to keep it once completed, e.g. 30m (completionTimeToLive)' '--dry-run	print the request body and send nothing' '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--name' '--shortname' '--pool' '--max-wall-time' '--tag' '--ttl' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'job terminate'
            set -g __qarnot_subs 
            set -g __qarnot_opts '--tag	select jobs with this tag (repeatable: any of them)' '--tags-all	select jobs with every one of these tags (repeatable)' '--state	select jobs in this state (repeatable): Active, Terminating, Completed, Deleting' '--name	select jobs with this exact name' '--name-like	select jobs whose name matches (* and % are wildcards)' '--created-after	select jobs created after this date' '--created-before	select jobs created before this date' '--where	select with a filter expression' '--all	select every one of your jobs' '-y	terminate without asking (required when not on a terminal)' '--yes	terminate without asking (required when not on a terminal)' '--dry-run	list what would be affected; terminate nothing' '--concurrency	requests in flight at once (default 8)' '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--tag' '--tags-all' '--state' '--name' '--name-like' '--created-after' '--created-before' '--where' '--concurrency' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'job delete'
            set -g __qarnot_subs 
            set -g __qarnot_opts '--tag	select jobs with this tag (repeatable: any of them)' '--tags-all	select jobs with every one of these tags (repeatable)' '--state	select jobs in this state (repeatable): Active, Terminating, Completed, Deleting' '--name	select jobs with this exact name' '--name-like	select jobs whose name matches (* and % are wildcards)' '--created-after	select jobs created after this date' '--created-before	select jobs created before this date' '--where	select with a filter expression' '--all	select every one of your jobs' '-y	delete without asking (required when not on a terminal)' '--yes	delete without asking (required when not on a terminal)' '--dry-run	list what would be affected; delete nothing' '--concurrency	requests in flight at once (default 8)' '--force	also delete the tasks of the jobs' '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--tag' '--tags-all' '--state' '--name' '--name-like' '--created-after' '--created-before' '--where' '--concurrency' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'job tasks'
            set -g __qarnot_subs 
            set -g __qarnot_opts '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'job wait'
            set -g __qarnot_subs 
            set -g __qarnot_opts '--timeout	give up after this long (exit 124)' '--interval	time between checks (default 2s)' '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--timeout' '--interval' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'job search'
            set -g __qarnot_subs 
            set -g __qarnot_opts '--where	filter expression' '--select	only these fields, e.g. name,state,status.executionProgress' '--max	at most N results (default 100)' '--print-filter	print the compiled filter as JSON and send nothing' '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--where' '--select' '--max' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'profile'
            set -g __qarnot_subs 'list	List the profiles your account can use' 'show	Show a profile\'s constants and licenses'
            set -g __qarnot_opts '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'profile list'
            set -g __qarnot_subs 
            set -g __qarnot_opts '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'profile show'
            set -g __qarnot_subs 
            set -g __qarnot_opts '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'hardware'
            set -g __qarnot_subs 'list	List every hardware constraint available to you (all pages)' 'cpu	Find the CPU-model constraints matching a model name'
            set -g __qarnot_opts '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'hardware list'
            set -g __qarnot_subs 
            set -g __qarnot_opts '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'hardware cpu'
            set -g __qarnot_subs 
            set -g __qarnot_opts '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'account'
            set -g __qarnot_subs 
            set -g __qarnot_opts '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'status'
            set -g __qarnot_subs 
            set -g __qarnot_opts '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'versions'
            set -g __qarnot_subs 
            set -g __qarnot_opts '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'settings'
            set -g __qarnot_subs 
            set -g __qarnot_opts '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'login'
            set -g __qarnot_subs 
            set -g __qarnot_opts '--with-token	read the token from standard input' '--no-check	store the token without checking it against the API' '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'logout'
            set -g __qarnot_subs 
            set -g __qarnot_opts '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'config'
            set -g __qarnot_subs 'get	Print a setting of the active profile (api-url, as)' 'set	Change a setting of the active profile (api-url, as); use "qarnot login" for the token' 'unset	Remove a setting from the active profile' 'list	Show every profile and its settings (tokens masked)' 'import	Import an official CLI config (~/.Qarnot/cli.config) or a Python SDK qarnot.conf into a profile' 'profile	Named profiles: an API URL and a token each'
            set -g __qarnot_opts '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'config get'
            set -g __qarnot_subs 
            set -g __qarnot_opts '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'config set'
            set -g __qarnot_subs 
            set -g __qarnot_opts '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'config unset'
            set -g __qarnot_subs 
            set -g __qarnot_opts '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'config list'
            set -g __qarnot_subs 
            set -g __qarnot_opts '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'config import'
            set -g __qarnot_subs 
            set -g __qarnot_opts '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'config profile'
            set -g __qarnot_subs 'add	Create a profile (then "qarnot login --profile NAME" stores its token)' 'use	Make a profile the active one' 'list	List profiles, the active one marked' 'remove	Delete a profile and its token'
            set -g __qarnot_opts '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'config profile add'
            set -g __qarnot_subs 
            set -g __qarnot_opts '--use	make it the active profile' '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'config profile use'
            set -g __qarnot_subs 
            set -g __qarnot_opts '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'config profile list'
            set -g __qarnot_subs 
            set -g __qarnot_opts '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'config profile remove'
            set -g __qarnot_subs 
            set -g __qarnot_opts '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'emulator'
            set -g __qarnot_subs 'start	Serve the Compute API locally until Ctrl-C (tasks run on this machine)'
            set -g __qarnot_opts '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'emulator start'
            set -g __qarnot_subs 
            set -g __qarnot_opts '--host	address to bind (a non-loopback address exposes the emulator: a warning is printed)' '--port	port to listen on; 0 picks a free one' '--token	API token to require (default: a random one, printed at start)' '--data	keep the whole state in this directory, across restarts (default: in memory)' '--speed	divide simulated phase durations (dispatch, download, upload) by N' '--faults	inject failures, e.g. \'503:0.1,429:0.05,reset:0.02,latency:50-300ms,seed:42\'' '--account	serve another account with its own token (repeatable)' '--read-grant	let READER read TARGET with --as (repeatable)' '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--host' '--port' '--token' '--data' '--speed' '--faults' '--account' '--read-grant' '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'completion'
            set -g __qarnot_subs 
            set -g __qarnot_opts '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
        case 'help'
            set -g __qarnot_subs 
            set -g __qarnot_opts '-h	show help for a command' '--help	show help for a command' '--profile	use this stored profile (env QARNOT_PROFILE)' '--api-url	API base URL (env QARNOT_CLUSTER_URL)' '--format	output format' '--json	shortcut for --format json' '-q	print identifiers only, one per line' '--quiet	print identifiers only, one per line' '--fields	columns or JSON keys to show, e.g. uuid,name,status.executionProgress' '--no-color	no colours (also NO_COLOR=1)' '--verbose	trace every HTTP request on stderr (token redacted)' '--as	read another account you have access to (env QARNOT_READ_AS); read-only' '--deadline	give up on a command after this long (default 2m; not for wait/follow)'
            set -g __qarnot_valopts '--profile' '--api-url' '--format' '--fields' '--as' '--deadline'
    end
end

function __qarnot_sub
    switch "$argv[1]|$argv[2]"
        case '|task'
            echo 'task'
        case '|pool'
            echo 'pool'
        case '|job'
            echo 'job'
        case '|profile'
            echo 'profile'
        case '|hardware'
            echo 'hardware'
        case '|account'
            echo 'account'
        case '|status'
            echo 'status'
        case '|versions'
            echo 'versions'
        case '|settings'
            echo 'settings'
        case '|login'
            echo 'login'
        case '|logout'
            echo 'logout'
        case '|config'
            echo 'config'
        case '|emulator'
            echo 'emulator'
        case '|completion'
            echo 'completion'
        case '|help'
            echo 'help'
        case 'task|list' 'task|ls'
            echo 'list'
        case 'task|show' 'task|get'
            echo 'show'
        case 'task|create'
            echo 'create'
        case 'task|run'
            echo 'run'
        case 'task|clone'
            echo 'clone'
        case 'task|retry'
            echo 'retry'
        case 'task|recover'
            echo 'recover'
        case 'task|resume'
            echo 'resume'
        case 'task|abort' 'task|cancel'
            echo 'abort'
        case 'task|delete' 'task|rm'
            echo 'delete'
        case 'task|update'
            echo 'update'
        case 'task|sync'
            echo 'sync'
        case 'task|snapshot'
            echo 'snapshot'
        case 'task|stdout'
            echo 'stdout'
        case 'task|stderr'
            echo 'stderr'
        case 'task|wait'
            echo 'wait'
        case 'task|search'
            echo 'search'
        case 'pool|list' 'pool|ls'
            echo 'list'
        case 'pool|show' 'pool|get'
            echo 'show'
        case 'pool|create'
            echo 'create'
        case 'pool|clone'
            echo 'clone'
        case 'pool|close'
            echo 'close'
        case 'pool|delete' 'pool|rm'
            echo 'delete'
        case 'pool|update'
            echo 'update'
        case 'pool|sync'
            echo 'sync'
        case 'pool|stdout'
            echo 'stdout'
        case 'pool|stderr'
            echo 'stderr'
        case 'pool|tasks'
            echo 'tasks'
        case 'pool|jobs'
            echo 'jobs'
        case 'pool|wait'
            echo 'wait'
        case 'pool|scaling'
            echo 'scaling'
        case 'pool|search'
            echo 'search'
        case 'pool scaling|get'
            echo 'get'
        case 'pool scaling|set'
            echo 'set'
        case 'pool scaling|check'
            echo 'check'
        case 'job|list' 'job|ls'
            echo 'list'
        case 'job|show' 'job|get'
            echo 'show'
        case 'job|create'
            echo 'create'
        case 'job|terminate'
            echo 'terminate'
        case 'job|delete' 'job|rm'
            echo 'delete'
        case 'job|tasks'
            echo 'tasks'
        case 'job|wait'
            echo 'wait'
        case 'job|search'
            echo 'search'
        case 'profile|list' 'profile|ls'
            echo 'list'
        case 'profile|show' 'profile|get'
            echo 'show'
        case 'hardware|list' 'hardware|ls'
            echo 'list'
        case 'hardware|cpu'
            echo 'cpu'
        case 'config|get'
            echo 'get'
        case 'config|set'
            echo 'set'
        case 'config|unset'
            echo 'unset'
        case 'config|list' 'config|ls'
            echo 'list'
        case 'config|import'
            echo 'import'
        case 'config|profile'
            echo 'profile'
        case 'config profile|add'
            echo 'add'
        case 'config profile|use'
            echo 'use'
        case 'config profile|list' 'config profile|ls'
            echo 'list'
        case 'config profile|remove' 'config profile|rm'
            echo 'remove'
        case 'emulator|start'
            echo 'start'
        case '*'
            return 1
    end
end

function __qarnot_optkind
    switch "$argv[1]|$argv[2]"
        case 'task list|--state'
            echo 'w:Submitted PartiallyDispatched FullyDispatched PartiallyExecuting FullyExecuting DownloadingResults UploadingResults Success Failure Cancelled PendingCancel PendingDelete'
        case 'task create|--profile'
            echo '@exec-profile'
        case 'task create|--pool'
            echo '@pool'
        case 'task create|--job'
            echo '@job'
        case 'task create|--depends-on'
            echo '@task'
        case 'task create|--scheduling'
            echo 'w:flex onDemand reserved'
        case 'task create|-f' 'task create|--file'
            echo 'f'
        case 'task run|--profile'
            echo '@exec-profile'
        case 'task run|--pool'
            echo '@pool'
        case 'task run|--job'
            echo '@job'
        case 'task run|--depends-on'
            echo '@task'
        case 'task run|--scheduling'
            echo 'w:flex onDemand reserved'
        case 'task run|-f' 'task run|--file'
            echo 'f'
        case 'task clone|--profile'
            echo '@exec-profile'
        case 'task clone|--job'
            echo '@job'
        case 'task clone|--depends-on'
            echo '@task'
        case 'task clone|--scheduling'
            echo 'w:flex onDemand reserved'
        case 'task clone|-f' 'task clone|--file'
            echo 'f'
        case 'task retry|--profile'
            echo '@exec-profile'
        case 'task retry|--job'
            echo '@job'
        case 'task retry|--depends-on'
            echo '@task'
        case 'task retry|--scheduling'
            echo 'w:flex onDemand reserved'
        case 'task retry|-f' 'task retry|--file'
            echo 'f'
        case 'task recover|--profile'
            echo '@exec-profile'
        case 'task recover|--job'
            echo '@job'
        case 'task recover|--depends-on'
            echo '@task'
        case 'task recover|--scheduling'
            echo 'w:flex onDemand reserved'
        case 'task recover|-f' 'task recover|--file'
            echo 'f'
        case 'task resume|--profile'
            echo '@exec-profile'
        case 'task resume|--job'
            echo '@job'
        case 'task resume|--depends-on'
            echo '@task'
        case 'task resume|--scheduling'
            echo 'w:flex onDemand reserved'
        case 'task resume|-f' 'task resume|--file'
            echo 'f'
        case 'task abort|--state'
            echo 'w:Submitted PartiallyDispatched FullyDispatched PartiallyExecuting FullyExecuting DownloadingResults UploadingResults Success Failure Cancelled PendingCancel PendingDelete'
        case 'task delete|--state'
            echo 'w:Submitted PartiallyDispatched FullyDispatched PartiallyExecuting FullyExecuting DownloadingResults UploadingResults Success Failure Cancelled PendingCancel PendingDelete'
        case 'task wait|--state'
            echo 'w:Submitted PartiallyDispatched FullyDispatched PartiallyExecuting FullyExecuting DownloadingResults UploadingResults Success Failure Cancelled PendingCancel PendingDelete'
        case 'pool list|--state'
            echo 'w:Submitted PartiallyDispatched FullyDispatched PartiallyExecuting FullyExecuting Closing Closed PendingDelete Failure'
        case 'pool create|--profile'
            echo '@exec-profile'
        case 'pool create|--scaling'
            echo 'f'
        case 'pool create|--scheduling'
            echo 'w:flex onDemand reserved'
        case 'pool create|-f' 'pool create|--file'
            echo 'f'
        case 'pool clone|--profile'
            echo '@exec-profile'
        case 'pool clone|--scaling'
            echo 'f'
        case 'pool clone|--scheduling'
            echo 'w:flex onDemand reserved'
        case 'pool close|--state'
            echo 'w:Submitted PartiallyDispatched FullyDispatched PartiallyExecuting FullyExecuting Closing Closed PendingDelete Failure'
        case 'pool delete|--state'
            echo 'w:Submitted PartiallyDispatched FullyDispatched PartiallyExecuting FullyExecuting Closing Closed PendingDelete Failure'
        case 'pool update|--scaling'
            echo 'f'
        case 'pool wait|--state'
            echo 'w:Submitted PartiallyDispatched FullyDispatched PartiallyExecuting FullyExecuting Closing Closed PendingDelete Failure'
        case 'pool scaling set|-f' 'pool scaling set|--file'
            echo 'f'
        case 'pool scaling check|-f' 'pool scaling check|--file'
            echo 'f'
        case 'job list|--state'
            echo 'w:Active Terminating Completed Deleting'
        case 'job create|--pool'
            echo '@pool'
        case 'job terminate|--state'
            echo 'w:Active Terminating Completed Deleting'
        case 'job delete|--state'
            echo 'w:Active Terminating Completed Deleting'
        case 'emulator start|--data'
            echo 'd'
        case '*|--profile'
            echo '@config-profile'
        case '*|--format'
            echo 'w:table json jsonl tsv'
    end
end

function __qarnot_argkind
    switch "$argv[1]|$argv[2]"
        case 'task show|0'
            echo '@task'
        case 'task clone|0'
            echo '@task'
        case 'task retry|0'
            echo '@task'
        case 'task recover|0'
            echo '@task'
        case 'task resume|0'
            echo '@task'
        case 'task abort|*'
            echo '@task'
        case 'task delete|*'
            echo '@task'
        case 'task update|0'
            echo '@task'
        case 'task sync|0'
            echo '@task'
        case 'task snapshot|0'
            echo '@task'
        case 'task stdout|0'
            echo '@task'
        case 'task stderr|0'
            echo '@task'
        case 'task wait|*'
            echo '@task'
        case 'pool show|0'
            echo '@pool'
        case 'pool clone|0'
            echo '@pool'
        case 'pool close|*'
            echo '@pool'
        case 'pool delete|*'
            echo '@pool'
        case 'pool update|0'
            echo '@pool'
        case 'pool sync|0'
            echo '@pool'
        case 'pool stdout|0'
            echo '@pool'
        case 'pool stderr|0'
            echo '@pool'
        case 'pool tasks|0'
            echo '@pool'
        case 'pool jobs|0'
            echo '@pool'
        case 'pool wait|0'
            echo '@pool'
        case 'pool scaling get|0'
            echo '@pool'
        case 'pool scaling set|0'
            echo '@pool'
        case 'job show|0'
            echo '@job'
        case 'job terminate|*'
            echo '@job'
        case 'job delete|*'
            echo '@job'
        case 'job tasks|0'
            echo '@job'
        case 'job wait|0'
            echo '@job'
        case 'profile show|0'
            echo '@exec-profile'
        case 'config get|0'
            echo 'w:api-url as'
        case 'config set|0'
            echo 'w:api-url as'
        case 'config unset|0'
            echo 'w:api-url as'
        case 'config import|0'
            echo 'f'
        case 'config profile add|0'
            echo '@config-profile'
        case 'config profile use|0'
            echo '@config-profile'
        case 'config profile remove|0'
            echo '@config-profile'
        case 'completion|0'
            echo 'w:bash zsh fish'
        case 'help|*'
            echo 'w:task pool job profile hardware account status versions settings login logout config emulator completion exit-codes environment formatting'
    end
end

function __qarnot_complete
    set -l typed (commandline -opc)
    set -e typed[1]
    set -l cur (commandline -ct)
    set -l cpath ''
    set -l pending ''
    set -l operands 0
    set -l dashes 0
    for w in $typed
        if test -n "$pending"
            set pending ''
            continue
        end
        if test $dashes = 0; and test "$w" = '--'
            set dashes 1
            continue
        end
        if test $dashes = 0; and string match -qr -- '^-.' $w
            string match -q -- '*=*' $w; and continue
            __qarnot_node $cpath
            contains -- $w $__qarnot_valopts; and set pending $w
            continue
        end
        set -l sub
        if test $operands = 0; and set sub (__qarnot_sub $cpath $w)
            set cpath (string trim -- "$cpath $sub")
        else
            set operands (math $operands + 1)
        end
    end
    __qarnot_node $cpath
    set -l kind
    set -l optpfx ''
    if test -n "$pending"
        set kind (__qarnot_optkind $cpath $pending)
    else if test $dashes = 0; and string match -qr -- '^--[^=]+=' $cur
        set optpfx (string replace -r -- '=.*' '=' $cur)
        set kind (__qarnot_optkind $cpath (string replace -- '=' '' $optpfx))
        set cur (string replace -- $optpfx '' $cur)
    else if test $dashes = 0; and string match -q -- '-*' $cur
        printf '%s\n' $__qarnot_opts
        return
    else if set -q __qarnot_subs[1]; and test $operands = 0
        printf '%s\n' $__qarnot_subs
        return
    else
        set kind (__qarnot_argkind $cpath $operands)
    end
    switch "$kind"
        case 'w:*'
            for v in (string split ' ' -- (string sub -s 3 -- $kind))
                echo $optpfx$v
            end
        case f
            __fish_complete_path $cur | string replace -r -- '^' $optpfx
        case d
            __fish_complete_directories $cur '' | string replace -r -- '^' $optpfx
        case '@*'
            qarnot __complete -- $typed (commandline -ct) 2>/dev/null | string match -v -- ':*'
    end
end

complete -c qarnot -e
complete -c qarnot -f -a '(__qarnot_complete)'
