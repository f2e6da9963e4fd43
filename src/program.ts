import { Command, Option } from 'commander';
import { VERSION } from './version.js';
import { formatExamples, helpWidthOf, wrapHelp } from './output/help-wrap.js';
import { helpWidth, writeFd } from './output/stdio.js';
import { declareVerbs, formatOption, refuseRepeatsAndEmpties, shareGlobalOptions } from './commands/define.js';
import { registerHelp } from './commands/help/index.js';
import { TOP_LEVEL, type TopLevelName } from './commands/catalog.js';

export interface ProgramHooks {
  /** Where commander writes help and its own errors (tests capture them). */
  writeOut?: (text: string) => void;
  writeErr?: (text: string) => void;
}

/**
 * The command tree: declarations only, no implementation is loaded here.
 * With `args` (the words after "qarnot"), only the top-level command they name
 * is declared in full; without, everything is (help tests, completion scripts).
 */
export async function buildProgram(hooks: ProgramHooks = {}, args?: readonly string[]): Promise<Command> {
  const program = new Command('qarnot');
  program
    .description("Drive Qarnot's Compute API from a terminal: tasks, pools, jobs, live output, and a local emulator.")
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    // Usage errors must exit 2 and go through src/main.ts, not process.exit.
    .exitOverride()
    .showSuggestionAfterError(true)
    // Our wrap: prose reflowed, rows with a hanging indent (commander wraps each line to column 0);
    // descriptions wrap even beside long terms such as bucket sync's (commander stops below 40).
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false, minWidthToWrap: 24, boxWrap: (text: string, width: number) => wrapHelp(text, width) })
    .configureOutput({
      writeOut: hooks.writeOut ?? ((s) => writeFd(1, s)),
      writeErr: hooks.writeErr ?? ((s) => writeFd(2, s)),
      getOutHelpWidth: () => helpWidth(1),
      getErrHelpWidth: () => helpWidth(2),
      // Plain help: commander's colour probe would build process.stdout for nothing.
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .option('--context <name>', 'use these stored connection settings (env QARNOT_CONTEXT)')
    // Deprecated spelling of --context, kept one release; a profile is an execution profile.
    .addOption(new Option('--profile <name>', 'deprecated: use --context').hideHelp())
    .option('--api-url <url>', 'API base URL (env QARNOT_CLUSTER_URL)')
    .addOption(formatOption())
    .option('--json', 'shortcut for --format json')
    .option('-q, --quiet', 'print identifiers only, one per line')
    .option('--fields <list>', 'columns or JSON keys to show, e.g. uuid,name,status.executionProgress')
    .option('--no-color', 'no colours (also NO_COLOR=1)')
    .option('--verbose', 'trace every HTTP request on stderr (token redacted)')
    .option('--as <account>', 'read another account you have access to (env QARNOT_READ_AS); read-only')
    .addOption(new Option('--deadline <duration>', 'give up on a command after this long (default 2m; 0 for never; not for wait/follow)'));

  const target = firstOperand(args);
  const full = (group: Group) =>
    args === undefined || (target !== undefined && (needsWholeTree(target) || group.names.includes(target as TopLevelName)));
  // Load the declarations only of what this command line runs (in parallel);
  // the rest are one-line entries for the help: the tree costs start-up time.
  const registrars = await Promise.all(GROUPS.map((group) => (full(group) ? group.load() : undefined)));
  GROUPS.forEach((group, i) => {
    const register = registrars[i];
    if (register) register(program);
    else for (const name of group.names) program.command(name).summary(TOP_LEVEL[name]).description(TOP_LEVEL[name]);
  });
  registerHelp(program);
  // Options are declared only for the verb being run (see declareVerbs).
  const path = args === undefined || target === undefined || needsWholeTree(target) ? undefined : operandPath(args);
  declareVerbs(path);
  shareGlobalOptions(program, path);
  refuseRepeatsAndEmpties(program);

  program.addHelpText('after', ({ command }) => {
    const width = helpWidthOf(command);
    const examples = ['qarnot login', "qarnot task run --name hello --profile docker-batch -n 3 -c DOCKER_CMD='echo hello from $INSTANCE_ID'", 'qarnot task list --state Failure --json', 'qarnot emulator start --port 0'];
    const exitCodes = "Exit codes: 0 ok, 1 failure, 2 bad input, 3 not found, 4 auth, 124 timeout, 130 interrupted ('qarnot help exit-codes').";
    const destructive =
      'Verbs that destroy (abort, delete, close, terminate) act only on the ids or the selector given: they list them and ask on a terminal, refuse without --yes elsewhere, and only list them with --dry-run. A selector matching nothing: exit 3.';
    return `\nExamples:\n${formatExamples(examples, width)}\n\n${wrapHelp(destructive, width)}\n\n${wrapHelp(exitCodes, width)}\n`;
  });
  return program;
}

type Register = (program: Command) => void;

interface Group {
  names: TopLevelName[];
  load(): Promise<Register>;
}

const GROUPS: Group[] = [
  { names: ['task'], load: () => import('./commands/task/index.js').then((m) => m.registerTask) },
  { names: ['pool'], load: () => import('./commands/pool/index.js').then((m) => m.registerPool) },
  { names: ['job'], load: () => import('./commands/job/index.js').then((m) => m.registerJob) },
  { names: ['bucket'], load: () => import('./commands/bucket/index.js').then((m) => m.registerBucket) },
  { names: ['profile'], load: () => import('./commands/profile/index.js').then((m) => m.registerProfile) },
  { names: ['hardware'], load: () => import('./commands/hardware/index.js').then((m) => m.registerHardware) },
  { names: ['project'], load: () => import('./commands/project/index.js').then((m) => m.registerProject) },
  { names: ['secret'], load: () => import('./commands/secret/index.js').then((m) => m.registerSecret) },
  { names: ['account', 'status', 'versions', 'settings'], load: () => import('./commands/account/index.js').then((m) => m.registerAccountCommands) },
  { names: ['login', 'logout', 'config', 'context'], load: () => import('./commands/config/index.js').then((m) => m.registerConfig) },
  { names: ['emulator'], load: () => import('./commands/emulator/index.js').then((m) => m.registerEmulator) },
  { names: ['completion'], load: () => import('./commands/completion/index.js').then((m) => m.registerCompletion) },
];

const KNOWN = new Set<string>(Object.keys(TOP_LEVEL));

/** Commands that read the whole tree (help, completion scripts), and unknown words (for suggestions). */
function needsWholeTree(word: string): boolean {
  return word === 'completion' || !KNOWN.has(word);
}

/** Program options that take a value: their value is not the command's name. */
const VALUE_OPTIONS = new Set(['--context', '--profile', '--api-url', '--format', '--fields', '--as', '--deadline']);

/** The command words of the line (`task create`, `pool scaling set`): operands up to the first option. */
export function operandPath(args: readonly string[]): string[] {
  const words: string[] = [];
  let i = 0;
  for (; i < args.length && args[i]!.startsWith('-') && args[i] !== '-'; i++) if (VALUE_OPTIONS.has(args[i]!)) i++;
  for (; i < args.length && !args[i]!.startsWith('-') && words.length < 3; i++) words.push(args[i]!);
  return words;
}

/** The first word that is not a program option: the top-level command. */
export function firstOperand(args: readonly string[] | undefined): string | undefined {
  if (!args) return undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return args[i + 1];
    if (!arg.startsWith('-') || arg === '-') return arg;
    if (VALUE_OPTIONS.has(arg)) i++;
  }
  return undefined;
}
