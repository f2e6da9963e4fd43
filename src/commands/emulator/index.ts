import type { Command } from 'commander';
import { collect, defineVerb, noun } from '../define.js';
import { TOP_LEVEL } from '../catalog.js';

export function registerEmulator(program: Command): void {
  const start = defineVerb({
    name: 'start',
    summary: 'Serve the Compute API locally until Ctrl-C (tasks run on this machine)',
    description: `Serve the Compute API locally until Ctrl-C or SIGTERM.

Tasks really run: each instance runs its DOCKER_CMD constant with /bin/sh -c
on this machine, in a working directory under the data directory. There are
NO containers and no isolation: DOCKER_REPO and DOCKER_TAG are ignored, and a
command can do anything your user can.

It also serves S3-compatible storage (path-style, AWS Signature V4; access
key: the account e-mail, secret key: its token): tasks get their resource
buckets in their working directory and their results uploaded.

When ready it prints exactly three lines on stdout, ready for eval/export:
  QARNOT_CLUSTER_URL=http://127.0.0.1:<port>
  QARNOT_CLIENT_TOKEN=<token>
  QARNOT_STORAGE_URL=http://127.0.0.1:<storage port>

Everything else goes to stderr.`,
    examples: [
      'qarnot emulator start',
      'qarnot emulator start --port 0 --speed 20',
      'qarnot emulator start --data ./emulator-state --token dev-token',
      'qarnot emulator start --storage-port 9000 --storage-quota 10GB',
      "qarnot emulator start --faults '503:0.1,429:0.05,reset:0.02,latency:50-300ms,seed:42'",
      'qarnot emulator start --accounts-file ./accounts --read-grant emulator@qarnot.local:bob@example.com',
    ],
    longRunning: true,
    options: (cmd) =>
      cmd
        .option('--host <host>', 'address to bind (a non-loopback address exposes the emulator: a warning is printed)', '127.0.0.1')
        .option('--port <port>', 'port to listen on; 0 picks a free one', '8787')
        .option('--token <token>', 'API token to require; visible to local users in the process list: prefer QARNOT_EMULATOR_TOKEN or --token-file (default: a random one, printed at start)')
        .option('--token-file <file>', 'read the API token to require from FILE (first line); FILE must not be readable by other users')
        .option('--data <dir>', 'keep the whole state in this directory, across restarts (default: in memory)')
        .option('--storage-port <port>', 'port of the S3-compatible storage endpoint; 0 picks a free one', '0')
        .option('--storage-quota <size>', 'bytes each account may store, e.g. 500MB or 2GiB (default: no limit)')
        .option('--speed <n>', 'divide simulated phase durations (dispatch, download, upload) by N', '1')
        .option('--faults <spec>', "inject failures, e.g. '503:0.1,reset:0.02,latency:50-300ms,seed:42'")
        .option('--account <email:token>', 'serve another account with its own token (repeatable); visible to local users: prefer --accounts-file or QARNOT_EMULATOR_ACCOUNTS', collect)
        .option('--accounts-file <file>', 'serve the accounts listed in FILE, one EMAIL:TOKEN a line (# comments); FILE must not be readable by other users')
        .option('--read-grant <reader:target>', 'let READER read TARGET with --as (repeatable)', collect),
    load: () => import('./start.js'),
  });
  noun(program, { name: 'emulator', summary: TOP_LEVEL.emulator, examples: ['qarnot emulator start --port 0'], verbs: [start] });
}
