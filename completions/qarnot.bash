# bash completion for qarnot. Generated from the command tree by scripts/generate-completions.mjs
# (or "qarnot completion bash"): do not edit by hand.
# Install: source <(qarnot completion bash), or save it as
# ~/.local/share/bash-completion/completions/qarnot
# Works with bash 3.2 (macOS) and later.

__qarnot_node() {
  subs='' flags='' valopts=''
  case "$1" in
    '') subs='task pool job bucket profile hardware project secret account status versions settings login logout config context emulator completion help' flags='-V --version --json -q --quiet --no-color --verbose -h --help' valopts='--context --api-url --format --fields --as --deadline' ;;
    'task') subs='list show create run clone retry recover resume abort delete update sync snapshot results stdout stderr wait forwards ssh carbon credits search' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'task list') subs='' flags='--all --summary -h --help --json -q --quiet --no-color --verbose' valopts='--limit --tag --tags-all --state --name --name-like --created-after --created-before --where --sort --context --api-url --format --fields --as --deadline' ;;
    'task show') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'task create') subs='' flags='--gpu --no-gpu --ssd --no-ssd --wait-for-pool-resources --upload-results-on-cancellation --auto-delete --export-credentials --dry-run --allow-unknown-fields -h --help --json -q --quiet --no-color --verbose' valopts='--name --shortname --profile --pool --job -n --instances --range -c --constant --tag --label --resources --result --input --output --min-cores --max-cores --min-ram --max-ram --min-ram-ratio --max-ram-ratio --cpu-model --hardware --max-retries-per-instance --max-total-retries --depends-on --scheduling --reserved-machine --snapshot-whitelist --snapshot-blacklist --snapshot-bucket --snapshot-bucket-prefix --results-whitelist --results-blacklist --results-bucket --results-bucket-prefix --ttl --project --secret --secret-prefix --forward --ssh-key --forced-constant --max-queue-time --reservation --after -f --file --context --api-url --format --fields --as --deadline' ;;
    'task run') subs='' flags='--gpu --no-gpu --ssd --no-ssd --wait-for-pool-resources --upload-results-on-cancellation --auto-delete --export-credentials --dry-run --allow-unknown-fields --timestamps -d --detach -h --help --json -q --quiet --no-color --verbose' valopts='--name --shortname --profile --pool --job -n --instances --range -c --constant --tag --label --resources --result --input --output --min-cores --max-cores --min-ram --max-ram --min-ram-ratio --max-ram-ratio --cpu-model --hardware --max-retries-per-instance --max-total-retries --depends-on --scheduling --reserved-machine --snapshot-whitelist --snapshot-blacklist --snapshot-bucket --snapshot-bucket-prefix --results-whitelist --results-blacklist --results-bucket --results-bucket-prefix --ttl --project --secret --secret-prefix --forward --ssh-key --forced-constant --max-queue-time --reservation --after -f --file --timeout --context --api-url --format --fields --as --deadline' ;;
    'task clone') subs='' flags='--gpu --no-gpu --ssd --no-ssd --wait-for-pool-resources --upload-results-on-cancellation --auto-delete --export-credentials --dry-run --allow-unknown-fields -h --help --json -q --quiet --no-color --verbose' valopts='--name --shortname --profile --job -n --instances --range -c --constant --tag --label --resources --result --min-cores --max-cores --min-ram --max-ram --min-ram-ratio --max-ram-ratio --cpu-model --hardware --max-retries-per-instance --max-total-retries --depends-on --scheduling --reserved-machine --snapshot-whitelist --snapshot-blacklist --snapshot-bucket --snapshot-bucket-prefix --results-whitelist --results-blacklist --results-bucket --results-bucket-prefix --ttl --project --secret --secret-prefix --forward --ssh-key --forced-constant --max-queue-time --reservation --after -f --file --context --api-url --format --fields --as --deadline' ;;
    'task retry') subs='' flags='--gpu --no-gpu --ssd --no-ssd --wait-for-pool-resources --upload-results-on-cancellation --auto-delete --export-credentials --dry-run --allow-unknown-fields -h --help --json -q --quiet --no-color --verbose' valopts='--name --shortname --profile --job -c --constant --tag --label --resources --result --min-cores --max-cores --min-ram --max-ram --min-ram-ratio --max-ram-ratio --cpu-model --hardware --max-retries-per-instance --max-total-retries --depends-on --scheduling --reserved-machine --snapshot-whitelist --snapshot-blacklist --snapshot-bucket --snapshot-bucket-prefix --results-whitelist --results-blacklist --results-bucket --results-bucket-prefix --ttl --project --secret --secret-prefix --forward --ssh-key --forced-constant --max-queue-time --reservation --after -f --file --context --api-url --format --fields --as --deadline' ;;
    'task recover') subs='' flags='--gpu --no-gpu --ssd --no-ssd --wait-for-pool-resources --upload-results-on-cancellation --auto-delete --export-credentials --dry-run --allow-unknown-fields -h --help --json -q --quiet --no-color --verbose' valopts='--name --shortname --profile --job -c --constant --tag --label --resources --result --min-cores --max-cores --min-ram --max-ram --min-ram-ratio --max-ram-ratio --cpu-model --hardware --max-retries-per-instance --max-total-retries --depends-on --scheduling --reserved-machine --snapshot-whitelist --snapshot-blacklist --snapshot-bucket --snapshot-bucket-prefix --results-whitelist --results-blacklist --results-bucket --results-bucket-prefix --ttl --project --secret --secret-prefix --forward --ssh-key --forced-constant --max-queue-time --reservation --after -f --file --context --api-url --format --fields --as --deadline' ;;
    'task resume') subs='' flags='--gpu --no-gpu --ssd --no-ssd --wait-for-pool-resources --upload-results-on-cancellation --auto-delete --export-credentials --dry-run --allow-unknown-fields -h --help --json -q --quiet --no-color --verbose' valopts='--name --shortname --profile --job -c --constant --tag --label --resources --result --min-cores --max-cores --min-ram --max-ram --min-ram-ratio --max-ram-ratio --cpu-model --hardware --max-retries-per-instance --max-total-retries --depends-on --scheduling --reserved-machine --snapshot-whitelist --snapshot-blacklist --snapshot-bucket --snapshot-bucket-prefix --results-whitelist --results-blacklist --results-bucket --results-bucket-prefix --ttl --project --secret --secret-prefix --forward --ssh-key --forced-constant --max-queue-time --reservation --after -f --file --context --api-url --format --fields --as --deadline' ;;
    'task abort') subs='' flags='--all -y --yes --dry-run -h --help --json -q --quiet --no-color --verbose' valopts='--tag --tags-all --state --name --name-like --created-after --created-before --where --concurrency --context --api-url --format --fields --as --deadline' ;;
    'task delete') subs='' flags='--all -y --yes --dry-run --purge -h --help --json -q --quiet --no-color --verbose' valopts='--tag --tags-all --state --name --name-like --created-after --created-before --where --concurrency --context --api-url --format --fields --as --deadline' ;;
    'task update') subs='' flags='--replace --dry-run -h --help --json -q --quiet --no-color --verbose' valopts='-c --constant --tag --untag --context --api-url --format --fields --as --deadline' ;;
    'task sync') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'task snapshot') subs='' flags='--wait -h --help --json -q --quiet --no-color --verbose' valopts='--every --whitelist --blacklist --bucket --prefix --timeout --context --api-url --format --fields --as --deadline' ;;
    'task results') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'task stdout') subs='' flags='--fresh -f --follow --timestamps --both -h --help --json -q --quiet --no-color --verbose' valopts='--instance --timeout --context --api-url --format --fields --as --deadline' ;;
    'task stderr') subs='' flags='--fresh -f --follow --timestamps --both -h --help --json -q --quiet --no-color --verbose' valopts='--instance --timeout --context --api-url --format --fields --as --deadline' ;;
    'task wait') subs='' flags='--all -h --help --json -q --quiet --no-color --verbose' valopts='--tag --tags-all --state --name --name-like --created-after --created-before --where --timeout --interval --context --api-url --format --fields --as --deadline' ;;
    'task forwards') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'task ssh') subs='' flags='--print -h --help --json -q --quiet --no-color --verbose' valopts='--instance --user --port --timeout --context --api-url --format --fields --as --deadline' ;;
    'task carbon') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--datacenter --context --api-url --format --fields --as --deadline' ;;
    'task credits') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'task search') subs='' flags='--print-filter -h --help --json -q --quiet --no-color --verbose' valopts='--where --select --max --context --api-url --format --fields --as --deadline' ;;
    'pool') subs='list show create clone close delete update sync stdout stderr tasks jobs wait carbon credits scaling search' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'pool list') subs='' flags='--all --summary -h --help --json -q --quiet --no-color --verbose' valopts='--limit --tag --tags-all --state --name --name-like --created-after --created-before --where --sort --context --api-url --format --fields --as --deadline' ;;
    'pool show') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'pool create') subs='' flags='--gpu --no-gpu --ssd --no-ssd --no-elastic --always --tasks-wait-for-sync --auto-delete --export-credentials --dry-run --allow-unknown-fields -h --help --json -q --quiet --no-color --verbose' valopts='--name --shortname --profile -n --instances -c --constant --tag --label --resources --min-cores --max-cores --min-ram --max-ram --min-ram-ratio --max-ram-ratio --cpu-model --hardware --elastic-min-slots --elastic-max-slots --elastic-min-idle-slots --elastic-resize-period --elastic-resize-factor --elastic-min-idle-time --scaling --fixed --managed --weekly --preparation-command --max-retries-per-instance --max-total-retries --scheduling --reserved-machine --ttl --project --secret --secret-prefix --forward --ssh-key --forced-constant --max-queue-time --reservation --slots-per-node -f --file --context --api-url --format --fields --as --deadline' ;;
    'pool clone') subs='' flags='--gpu --no-gpu --ssd --no-ssd --no-elastic --always --tasks-wait-for-sync --auto-delete --export-credentials --dry-run --allow-unknown-fields -h --help --json -q --quiet --no-color --verbose' valopts='--name --shortname --profile -n --instances -c --constant --tag --label --resources --min-cores --max-cores --min-ram --max-ram --min-ram-ratio --max-ram-ratio --cpu-model --hardware --elastic-min-slots --elastic-max-slots --elastic-min-idle-slots --elastic-resize-period --elastic-resize-factor --elastic-min-idle-time --scaling --fixed --managed --weekly --preparation-command --max-retries-per-instance --max-total-retries --scheduling --reserved-machine --ttl --project --secret --secret-prefix --forward --ssh-key --forced-constant --max-queue-time --reservation --slots-per-node -f --file --context --api-url --format --fields --as --deadline' ;;
    'pool close') subs='' flags='--all -y --yes --dry-run -h --help --json -q --quiet --no-color --verbose' valopts='--tag --tags-all --state --name --name-like --created-after --created-before --where --concurrency --context --api-url --format --fields --as --deadline' ;;
    'pool delete') subs='' flags='--all -y --yes --dry-run --purge -h --help --json -q --quiet --no-color --verbose' valopts='--tag --tags-all --state --name --name-like --created-after --created-before --where --concurrency --context --api-url --format --fields --as --deadline' ;;
    'pool update') subs='' flags='--no-elastic --allow-unknown-fields --always --dry-run -h --help --json -q --quiet --no-color --verbose' valopts='--elastic-min-slots --elastic-max-slots --elastic-min-idle-slots --elastic-resize-period --elastic-resize-factor --elastic-min-idle-time -f --file -c --constant --tag --untag --scaling --fixed --managed --weekly --context --api-url --format --fields --as --deadline' ;;
    'pool sync') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'pool stdout') subs='' flags='--fresh -f --follow --timestamps -h --help --json -q --quiet --no-color --verbose' valopts='--instance --timeout --context --api-url --format --fields --as --deadline' ;;
    'pool stderr') subs='' flags='--fresh -f --follow --timestamps -h --help --json -q --quiet --no-color --verbose' valopts='--instance --timeout --context --api-url --format --fields --as --deadline' ;;
    'pool tasks') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'pool jobs') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'pool wait') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--state --timeout --interval --context --api-url --format --fields --as --deadline' ;;
    'pool carbon') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--datacenter --context --api-url --format --fields --as --deadline' ;;
    'pool credits') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'pool scaling') subs='get set check' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'pool scaling get') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'pool scaling set') subs='' flags='--always --dry-run -h --help --json -q --quiet --no-color --verbose' valopts='-f --file --fixed --managed --weekly --name --context --api-url --format --fields --as --deadline' ;;
    'pool scaling check') subs='' flags='--always -h --help --json -q --quiet --no-color --verbose' valopts='-f --file --fixed --managed --weekly --name --context --api-url --format --fields --as --deadline' ;;
    'pool search') subs='' flags='--print-filter -h --help --json -q --quiet --no-color --verbose' valopts='--where --select --max --context --api-url --format --fields --as --deadline' ;;
    'job') subs='list show create terminate delete tasks wait search' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'job list') subs='' flags='--all -h --help --json -q --quiet --no-color --verbose' valopts='--limit --tag --tags-all --state --name --name-like --created-after --created-before --where --sort --context --api-url --format --fields --as --deadline' ;;
    'job show') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'job create') subs='' flags='--use-dependencies --auto-delete --dry-run -h --help --json -q --quiet --no-color --verbose' valopts='--name --shortname --pool --max-wall-time --tag --ttl --context --api-url --format --fields --as --deadline' ;;
    'job terminate') subs='' flags='--all -y --yes --dry-run -h --help --json -q --quiet --no-color --verbose' valopts='--tag --tags-all --state --name --name-like --created-after --created-before --where --concurrency --context --api-url --format --fields --as --deadline' ;;
    'job delete') subs='' flags='--all -y --yes --dry-run --force -h --help --json -q --quiet --no-color --verbose' valopts='--tag --tags-all --state --name --name-like --created-after --created-before --where --concurrency --context --api-url --format --fields --as --deadline' ;;
    'job tasks') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'job wait') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--timeout --interval --context --api-url --format --fields --as --deadline' ;;
    'job search') subs='' flags='--print-filter -h --help --json -q --quiet --no-color --verbose' valopts='--where --select --max --context --api-url --format --fields --as --deadline' ;;
    'bucket') subs='list create delete ls put get cat rm sync' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'bucket list') subs='' flags='--stats -h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'bucket create') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'bucket delete') subs='' flags='--force -y --yes --dry-run -h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'bucket ls') subs='' flags='-r --recursive -h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'bucket put') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--concurrency --exclude --include --context --api-url --format --fields --as --deadline' ;;
    'bucket get') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--concurrency --exclude --include --context --api-url --format --fields --as --deadline' ;;
    'bucket cat') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'bucket rm') subs='' flags='-r --recursive -y --yes --dry-run -h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'bucket sync') subs='' flags='--delete --dry-run -h --help --json -q --quiet --no-color --verbose' valopts='--concurrency --exclude --include --context --api-url --format --fields --as --deadline' ;;
    'profile') subs='list show' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'profile list') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'profile show') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'hardware') subs='list cpu' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'hardware list') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'hardware cpu') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'project') subs='list show budgets' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'project list') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'project show') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'project budgets') subs='' flags='--active -h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'secret') subs='list get set delete' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'secret list') subs='' flags='-r --recursive -h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'secret get') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'secret set') subs='' flags='--no-overwrite -h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'secret delete') subs='' flags='-y --yes --dry-run -h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'account') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'status') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'versions') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'settings') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'login') subs='' flags='--with-token --no-check -h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'logout') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'config') subs='get set unset list import profile' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'config get') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'config set') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'config unset') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'config list') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'config import') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'config profile') subs='add use list remove' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'config profile add') subs='' flags='--use -h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'config profile use') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'config profile list') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'config profile remove') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'context') subs='add use list remove' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'context add') subs='' flags='--use -h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'context use') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'context list') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'context remove') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'emulator') subs='start' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'emulator start') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--host --port --token --token-file --data --storage-port --storage-quota --speed --faults --account --accounts-file --read-grant --context --api-url --format --fields --as --deadline' ;;
    'completion') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
    'help') subs='' flags='-h --help --json -q --quiet --no-color --verbose' valopts='--context --api-url --format --fields --as --deadline' ;;
  esac
}

__qarnot_sub() {
  case "$1|$2" in
    '|task') REPLY='task' ;;
    '|pool') REPLY='pool' ;;
    '|job') REPLY='job' ;;
    '|bucket') REPLY='bucket' ;;
    '|profile') REPLY='profile' ;;
    '|hardware') REPLY='hardware' ;;
    '|project') REPLY='project' ;;
    '|secret') REPLY='secret' ;;
    '|account') REPLY='account' ;;
    '|status') REPLY='status' ;;
    '|versions') REPLY='versions' ;;
    '|settings') REPLY='settings' ;;
    '|login') REPLY='login' ;;
    '|logout') REPLY='logout' ;;
    '|config') REPLY='config' ;;
    '|context') REPLY='context' ;;
    '|emulator') REPLY='emulator' ;;
    '|completion') REPLY='completion' ;;
    '|help') REPLY='help' ;;
    'task|list') REPLY='list' ;;
    'task|ls') REPLY='list' ;;
    'task|show') REPLY='show' ;;
    'task|get') REPLY='show' ;;
    'task|create') REPLY='create' ;;
    'task|run') REPLY='run' ;;
    'task|clone') REPLY='clone' ;;
    'task|retry') REPLY='retry' ;;
    'task|recover') REPLY='recover' ;;
    'task|resume') REPLY='resume' ;;
    'task|abort') REPLY='abort' ;;
    'task|cancel') REPLY='abort' ;;
    'task|delete') REPLY='delete' ;;
    'task|rm') REPLY='delete' ;;
    'task|update') REPLY='update' ;;
    'task|sync') REPLY='sync' ;;
    'task|snapshot') REPLY='snapshot' ;;
    'task|results') REPLY='results' ;;
    'task|stdout') REPLY='stdout' ;;
    'task|stderr') REPLY='stderr' ;;
    'task|wait') REPLY='wait' ;;
    'task|forwards') REPLY='forwards' ;;
    'task|ssh') REPLY='ssh' ;;
    'task|carbon') REPLY='carbon' ;;
    'task|carbon-facts') REPLY='carbon' ;;
    'task|credits') REPLY='credits' ;;
    'task|search') REPLY='search' ;;
    'pool|list') REPLY='list' ;;
    'pool|ls') REPLY='list' ;;
    'pool|show') REPLY='show' ;;
    'pool|get') REPLY='show' ;;
    'pool|create') REPLY='create' ;;
    'pool|clone') REPLY='clone' ;;
    'pool|close') REPLY='close' ;;
    'pool|delete') REPLY='delete' ;;
    'pool|rm') REPLY='delete' ;;
    'pool|update') REPLY='update' ;;
    'pool|sync') REPLY='sync' ;;
    'pool|stdout') REPLY='stdout' ;;
    'pool|stderr') REPLY='stderr' ;;
    'pool|tasks') REPLY='tasks' ;;
    'pool|jobs') REPLY='jobs' ;;
    'pool|wait') REPLY='wait' ;;
    'pool|carbon') REPLY='carbon' ;;
    'pool|carbon-facts') REPLY='carbon' ;;
    'pool|credits') REPLY='credits' ;;
    'pool|scaling') REPLY='scaling' ;;
    'pool|search') REPLY='search' ;;
    'pool scaling|get') REPLY='get' ;;
    'pool scaling|set') REPLY='set' ;;
    'pool scaling|check') REPLY='check' ;;
    'job|list') REPLY='list' ;;
    'job|ls') REPLY='list' ;;
    'job|show') REPLY='show' ;;
    'job|get') REPLY='show' ;;
    'job|create') REPLY='create' ;;
    'job|terminate') REPLY='terminate' ;;
    'job|delete') REPLY='delete' ;;
    'job|rm') REPLY='delete' ;;
    'job|tasks') REPLY='tasks' ;;
    'job|wait') REPLY='wait' ;;
    'job|search') REPLY='search' ;;
    'bucket|list') REPLY='list' ;;
    'bucket|create') REPLY='create' ;;
    'bucket|delete') REPLY='delete' ;;
    'bucket|ls') REPLY='ls' ;;
    'bucket|put') REPLY='put' ;;
    'bucket|get') REPLY='get' ;;
    'bucket|cat') REPLY='cat' ;;
    'bucket|rm') REPLY='rm' ;;
    'bucket|sync') REPLY='sync' ;;
    'profile|list') REPLY='list' ;;
    'profile|ls') REPLY='list' ;;
    'profile|show') REPLY='show' ;;
    'profile|get') REPLY='show' ;;
    'hardware|list') REPLY='list' ;;
    'hardware|ls') REPLY='list' ;;
    'hardware|cpu') REPLY='cpu' ;;
    'project|list') REPLY='list' ;;
    'project|ls') REPLY='list' ;;
    'project|show') REPLY='show' ;;
    'project|get') REPLY='show' ;;
    'project|budgets') REPLY='budgets' ;;
    'secret|list') REPLY='list' ;;
    'secret|ls') REPLY='list' ;;
    'secret|get') REPLY='get' ;;
    'secret|set') REPLY='set' ;;
    'secret|delete') REPLY='delete' ;;
    'secret|rm') REPLY='delete' ;;
    'config|get') REPLY='get' ;;
    'config|set') REPLY='set' ;;
    'config|unset') REPLY='unset' ;;
    'config|list') REPLY='list' ;;
    'config|ls') REPLY='list' ;;
    'config|import') REPLY='import' ;;
    'config|profile') REPLY='profile' ;;
    'config profile|add') REPLY='add' ;;
    'config profile|use') REPLY='use' ;;
    'config profile|list') REPLY='list' ;;
    'config profile|ls') REPLY='list' ;;
    'config profile|remove') REPLY='remove' ;;
    'config profile|rm') REPLY='remove' ;;
    'context|add') REPLY='add' ;;
    'context|use') REPLY='use' ;;
    'context|list') REPLY='list' ;;
    'context|ls') REPLY='list' ;;
    'context|remove') REPLY='remove' ;;
    'context|rm') REPLY='remove' ;;
    'emulator|start') REPLY='start' ;;
    *) return 1 ;;
  esac
}

__qarnot_optkind() {
  REPLY=''
  case "$1|$2" in
    'task list|--state') REPLY='w:Submitted PartiallyDispatched FullyDispatched PartiallyExecuting FullyExecuting DownloadingResults UploadingResults Success Failure Cancelled PendingCancel PendingDelete' ;;
    'task create|--profile') REPLY='@exec-profile' ;;
    'task create|--pool') REPLY='@pool' ;;
    'task create|--job') REPLY='@job' ;;
    'task create|--depends-on') REPLY='@task' ;;
    'task create|--scheduling') REPLY='w:flex onDemand reserved' ;;
    'task create|--ssh-key') REPLY='f' ;;
    'task create|--after') REPLY='@task' ;;
    'task create|-f'|'task create|--file') REPLY='f' ;;
    'task run|--profile') REPLY='@exec-profile' ;;
    'task run|--pool') REPLY='@pool' ;;
    'task run|--job') REPLY='@job' ;;
    'task run|--depends-on') REPLY='@task' ;;
    'task run|--scheduling') REPLY='w:flex onDemand reserved' ;;
    'task run|--ssh-key') REPLY='f' ;;
    'task run|--after') REPLY='@task' ;;
    'task run|-f'|'task run|--file') REPLY='f' ;;
    'task clone|--profile') REPLY='@exec-profile' ;;
    'task clone|--job') REPLY='@job' ;;
    'task clone|--depends-on') REPLY='@task' ;;
    'task clone|--scheduling') REPLY='w:flex onDemand reserved' ;;
    'task clone|--ssh-key') REPLY='f' ;;
    'task clone|--after') REPLY='@task' ;;
    'task clone|-f'|'task clone|--file') REPLY='f' ;;
    'task retry|--profile') REPLY='@exec-profile' ;;
    'task retry|--job') REPLY='@job' ;;
    'task retry|--depends-on') REPLY='@task' ;;
    'task retry|--scheduling') REPLY='w:flex onDemand reserved' ;;
    'task retry|--ssh-key') REPLY='f' ;;
    'task retry|--after') REPLY='@task' ;;
    'task retry|-f'|'task retry|--file') REPLY='f' ;;
    'task recover|--profile') REPLY='@exec-profile' ;;
    'task recover|--job') REPLY='@job' ;;
    'task recover|--depends-on') REPLY='@task' ;;
    'task recover|--scheduling') REPLY='w:flex onDemand reserved' ;;
    'task recover|--ssh-key') REPLY='f' ;;
    'task recover|--after') REPLY='@task' ;;
    'task recover|-f'|'task recover|--file') REPLY='f' ;;
    'task resume|--profile') REPLY='@exec-profile' ;;
    'task resume|--job') REPLY='@job' ;;
    'task resume|--depends-on') REPLY='@task' ;;
    'task resume|--scheduling') REPLY='w:flex onDemand reserved' ;;
    'task resume|--ssh-key') REPLY='f' ;;
    'task resume|--after') REPLY='@task' ;;
    'task resume|-f'|'task resume|--file') REPLY='f' ;;
    'task abort|--state') REPLY='w:Submitted PartiallyDispatched FullyDispatched PartiallyExecuting FullyExecuting DownloadingResults UploadingResults Success Failure Cancelled PendingCancel PendingDelete' ;;
    'task delete|--state') REPLY='w:Submitted PartiallyDispatched FullyDispatched PartiallyExecuting FullyExecuting DownloadingResults UploadingResults Success Failure Cancelled PendingCancel PendingDelete' ;;
    'task wait|--state') REPLY='w:Submitted PartiallyDispatched FullyDispatched PartiallyExecuting FullyExecuting DownloadingResults UploadingResults Success Failure Cancelled PendingCancel PendingDelete' ;;
    'pool list|--state') REPLY='w:Submitted PartiallyDispatched FullyDispatched PartiallyExecuting FullyExecuting Closing Closed PendingDelete Failure' ;;
    'pool create|--profile') REPLY='@exec-profile' ;;
    'pool create|--scaling') REPLY='f' ;;
    'pool create|--scheduling') REPLY='w:flex onDemand reserved' ;;
    'pool create|--ssh-key') REPLY='f' ;;
    'pool create|-f'|'pool create|--file') REPLY='f' ;;
    'pool clone|--profile') REPLY='@exec-profile' ;;
    'pool clone|--scaling') REPLY='f' ;;
    'pool clone|--scheduling') REPLY='w:flex onDemand reserved' ;;
    'pool clone|--ssh-key') REPLY='f' ;;
    'pool clone|-f'|'pool clone|--file') REPLY='f' ;;
    'pool close|--state') REPLY='w:Submitted PartiallyDispatched FullyDispatched PartiallyExecuting FullyExecuting Closing Closed PendingDelete Failure' ;;
    'pool delete|--state') REPLY='w:Submitted PartiallyDispatched FullyDispatched PartiallyExecuting FullyExecuting Closing Closed PendingDelete Failure' ;;
    'pool update|-f'|'pool update|--file') REPLY='f' ;;
    'pool update|--scaling') REPLY='f' ;;
    'pool wait|--state') REPLY='w:Submitted PartiallyDispatched FullyDispatched PartiallyExecuting FullyExecuting Closing Closed PendingDelete Failure' ;;
    'pool scaling set|-f'|'pool scaling set|--file') REPLY='f' ;;
    'pool scaling check|-f'|'pool scaling check|--file') REPLY='f' ;;
    'job list|--state') REPLY='w:Active Terminating Completed Deleting' ;;
    'job create|--pool') REPLY='@pool' ;;
    'job terminate|--state') REPLY='w:Active Terminating Completed Deleting' ;;
    'job delete|--state') REPLY='w:Active Terminating Completed Deleting' ;;
    'emulator start|--token-file') REPLY='f' ;;
    'emulator start|--data') REPLY='d' ;;
    'emulator start|--accounts-file') REPLY='f' ;;
    *'|--context') REPLY='@config-profile' ;;
    *'|--format') REPLY='w:table json jsonl tsv' ;;
  esac
}

__qarnot_argkind() {
  REPLY=''
  case "$1|$2" in
    'task show|0') REPLY='@task' ;;
    'task clone|'*) REPLY='@task' ;;
    'task retry|'*) REPLY='@task' ;;
    'task recover|'*) REPLY='@task' ;;
    'task resume|'*) REPLY='@task' ;;
    'task abort|'*) REPLY='@task' ;;
    'task delete|'*) REPLY='@task' ;;
    'task update|0') REPLY='@task' ;;
    'task sync|0') REPLY='@task' ;;
    'task snapshot|0') REPLY='@task' ;;
    'task results|0') REPLY='@task' ;;
    'task results|1') REPLY='d' ;;
    'task stdout|0') REPLY='@task' ;;
    'task stderr|0') REPLY='@task' ;;
    'task wait|'*) REPLY='@task' ;;
    'task forwards|0') REPLY='@task' ;;
    'task ssh|0') REPLY='@task' ;;
    'task carbon|0') REPLY='@task' ;;
    'task credits|0') REPLY='@task' ;;
    'pool show|0') REPLY='@pool' ;;
    'pool clone|0') REPLY='@pool' ;;
    'pool close|'*) REPLY='@pool' ;;
    'pool delete|'*) REPLY='@pool' ;;
    'pool update|0') REPLY='@pool' ;;
    'pool sync|0') REPLY='@pool' ;;
    'pool stdout|0') REPLY='@pool' ;;
    'pool stderr|0') REPLY='@pool' ;;
    'pool tasks|0') REPLY='@pool' ;;
    'pool jobs|0') REPLY='@pool' ;;
    'pool wait|0') REPLY='@pool' ;;
    'pool carbon|0') REPLY='@pool' ;;
    'pool credits|0') REPLY='@pool' ;;
    'pool scaling get|0') REPLY='@pool' ;;
    'pool scaling set|0') REPLY='@pool' ;;
    'job show|0') REPLY='@job' ;;
    'job terminate|'*) REPLY='@job' ;;
    'job delete|'*) REPLY='@job' ;;
    'job tasks|0') REPLY='@job' ;;
    'job wait|0') REPLY='@job' ;;
    'bucket create|0') REPLY='@bucket' ;;
    'bucket delete|0') REPLY='@bucket' ;;
    'bucket ls|0') REPLY='@bucket-location' ;;
    'bucket put|0') REPLY='@bucket-location' ;;
    'bucket put|'*) REPLY='f' ;;
    'bucket get|0') REPLY='@bucket-location' ;;
    'bucket get|1') REPLY='f' ;;
    'bucket cat|0') REPLY='@bucket-location' ;;
    'bucket rm|'*) REPLY='@bucket-location' ;;
    'bucket sync|0') REPLY='@bucket-location' ;;
    'bucket sync|1') REPLY='@bucket-location' ;;
    'profile show|0') REPLY='@exec-profile' ;;
    'config get|0') REPLY='w:api-url as storage-url account-email' ;;
    'config set|0') REPLY='w:api-url as storage-url account-email' ;;
    'config unset|0') REPLY='w:api-url as storage-url account-email' ;;
    'config import|0') REPLY='f' ;;
    'config profile add|0') REPLY='@config-profile' ;;
    'config profile use|0') REPLY='@config-profile' ;;
    'config profile remove|0') REPLY='@config-profile' ;;
    'context add|0') REPLY='@config-profile' ;;
    'context use|0') REPLY='@config-profile' ;;
    'context remove|0') REPLY='@config-profile' ;;
    'completion|0') REPLY='w:bash zsh fish' ;;
    'help|'*) REPLY='w:task pool job bucket profile hardware project secret account status versions settings login logout config context emulator completion exit-codes environment ids formatting' ;;
  esac
}

_qarnot() {
  local -a words=()
  local i w last join=0
  # Bash splits "--format=json" at the "=": glue it back.
  for ((i = 1; i <= COMP_CWORD; i++)); do
    w=${COMP_WORDS[i]}
    last=''; ((${#words[@]})) && last=${words[${#words[@]}-1]}
    if ((join)); then
      words[${#words[@]}-1]+=$w; join=0
    elif [[ $w == = && ${#words[@]} -gt 0 && $last == --* && $last != *=* ]]; then
      words[${#words[@]}-1]+='='; join=1
    else
      words+=("$w")
    fi
  done
  ((${#words[@]})) || words=('')
  local n=$((${#words[@]} - 1))
  local cur=${words[n]}
  local path='' pending='' operands=0 dashes=0 subs flags valopts REPLY
  for ((i = 0; i < n; i++)); do
    w=${words[i]}
    if [[ -n $pending ]]; then pending=''; continue; fi
    if ((!dashes)) && [[ $w == -- ]]; then dashes=1; continue; fi
    if ((!dashes)) && [[ $w == -?* ]]; then
      [[ $w == *=* ]] && continue
      __qarnot_node "$path"
      [[ " $valopts " == *" $w "* ]] && pending=$w
      continue
    fi
    if ((operands == 0)) && __qarnot_sub "$path" "$w"; then
      path=${path:+$path }$REPLY
    else
      ((operands++))
    fi
  done
  __qarnot_node "$path"
  COMPREPLY=()
  local kind optpfx='' eq c quoted=''
  if [[ -n $pending ]]; then
    __qarnot_optkind "$path" "$pending"; kind=$REPLY
  elif ((!dashes)) && [[ $cur == --*=* ]]; then
    __qarnot_optkind "$path" "${cur%%=*}"; kind=$REPLY
    optpfx=${cur%%=*}=; cur=${cur#*=}
  elif ((!dashes)) && [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$flags $valopts" -- "$cur")); return 0
  elif [[ -n $subs ]] && ((operands == 0)); then
    COMPREPLY=($(compgen -W "$subs" -- "$cur")); return 0
  else
    __qarnot_argkind "$path" "$operands"; kind=$REPLY
  fi
  # Without "=" in COMP_WORDBREAKS the whole "--opt=value" word is replaced.
  eq=$optpfx; [[ $COMP_WORDBREAKS == *=* ]] && eq=''
  case $kind in
    w:*) COMPREPLY=($(compgen -P "$eq" -W "${kind#w:}" -- "$cur")) ;;
    f | d)
      # One name a line, not split at spaces ("my spec.json"); -o filenames quotes them.
      compopt -o filenames 2>/dev/null
      while IFS= read -r c; do COMPREPLY+=("$eq$c"); done < <(compgen "-$kind" -- "$cur")
      ;;
    @*)
      # Keys may hold spaces: unescape what is typed, escape what is inserted. A folder
      # ("bucket/dir/") goes on being typed: no space after it.
      # A word opened with a quote: bash inserts inside it, where nothing is escaped.
      [[ $cur == [\"\']* ]] && quoted=1
      cur=${cur//\\/}; cur=${cur#[\"\']}; words[n]=${words[n]//\\/}; words[n]=${words[n]#[\"\']}
      while IFS=$'\t' read -r c _; do
        [[ -z $c || $c == :* ]] && continue
        c=${c#"$optpfx"}
        [[ $c == "$cur"* ]] || continue
        [[ $c == */ ]] && compopt -o nospace 2>/dev/null
        [[ -n $quoted ]] || printf -v c '%q' "$c"
        COMPREPLY+=("$eq$c")
      done < <(qarnot __complete -- "${words[@]}" 2>/dev/null)
      ;;
  esac
  return 0
}

complete -F _qarnot qarnot
