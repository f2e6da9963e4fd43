import { Command, Option } from 'commander';
import { VERSION } from './version.js';
import { formatOption, shareGlobalOptions } from './commands/define.js';
import { registerTask } from './commands/task/index.js';
import { registerPool } from './commands/pool/index.js';
import { registerJob } from './commands/job/index.js';
import { registerAccountCommands } from './commands/account/index.js';
import { registerProfile } from './commands/profile/index.js';
import { registerHardware } from './commands/hardware/index.js';
import { registerConfig } from './commands/config/index.js';
import { registerEmulator } from './commands/emulator/index.js';
import { registerHelp } from './commands/help/index.js';
import { registerCompletion } from './commands/completion/index.js';
import { registerSearch } from './commands/search/index.js';

export interface ProgramHooks {
  /** Where commander writes help and its own errors (tests capture them). */
  writeOut?: (text: string) => void;
  writeErr?: (text: string) => void;
}

/** The whole command tree: declarations only, no implementation is loaded here. */
export function buildProgram(hooks: ProgramHooks = {}): Command {
  const program = new Command('qarnot');
  program
    .description("Drive Qarnot's Compute API from a terminal: tasks, pools, jobs, live output, and a local emulator.")
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    // Usage errors must exit 2 and go through src/main.ts, not process.exit.
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .configureOutput({
      writeOut: hooks.writeOut ?? ((s) => process.stdout.write(s)),
      writeErr: hooks.writeErr ?? ((s) => process.stderr.write(s)),
    })
    .option('--profile <name>', 'use this stored profile (env QARNOT_PROFILE)')
    .option('--api-url <url>', 'API base URL (env QARNOT_CLUSTER_URL)')
    .addOption(formatOption())
    .option('--json', 'shortcut for --format json')
    .option('-q, --quiet', 'print identifiers only, one per line')
    .option('--fields <list>', 'columns or JSON keys to show, e.g. uuid,name,status.executionProgress')
    .option('--no-color', 'no colours (also NO_COLOR=1)')
    .option('--verbose', 'trace every HTTP request on stderr (token redacted)')
    .option('--as <account>', 'read another account you have access to (env QARNOT_READ_AS); read-only')
    .addOption(new Option('--deadline <duration>', 'give up on a command after this long (default 2m; not for wait/follow)'));

  registerTask(program);
  registerPool(program);
  registerJob(program);
  registerSearch(program);
  registerProfile(program);
  registerHardware(program);
  registerAccountCommands(program);
  registerConfig(program);
  registerEmulator(program);
  registerCompletion(program);
  registerHelp(program);
  shareGlobalOptions(program);

  program.addHelpText(
    'after',
    `
Examples:
  $ qarnot login
  $ qarnot task run --name hello --profile docker-batch -n 3 -c DOCKER_CMD='echo hello from $INSTANCE_ID'
  $ qarnot task list --state Failure --json
  $ qarnot emulator start --port 0

Exit codes: 0 ok, 1 failure, 2 bad input, 3 not found, 4 auth, 124 timeout, 130 interrupted ('qarnot help exit-codes').
`,
  );
  return program;
}
