// Option declarations of the fields today's API and SDKs use beyond the v1.0 reference
// (projects, secrets, port forwards, queue time, reservations, advanced dependencies),
// shared by task and pool bodies. Kept light: declared at start-up.
import type { Command } from 'commander';
import { collect } from '../define.js';

export function addApiFieldOptions(cmd: Command, kind: 'task' | 'pool'): Command {
  cmd
    .option('--project <project>', 'charge this project (uuid, slug or name; see "qarnot project list")')
    .option('--secret <key>', 'give the instances this secret (repeatable; see "qarnot secret list")', collect)
    .option('--secret-prefix <prefix>', 'give the instances every secret under this prefix (repeatable)', collect)
    .option('--forward <port[:type]>', 'open this inbound TCP port of the instances, e.g. 8080:http (repeatable; see "task forwards")', collect)
    .option('--ssh-key <file>', 'public key allowed to SSH in (DOCKER_SSH); opens port 22 (see "task ssh")')
    .option('--forced-constant <KEY=VALUE>', 'constant the payload cannot change (read-only, exported; repeatable)', collect)
    .option('--max-queue-time <duration>', 'give up if not started within this time, e.g. 30m (maxTimeQueueSeconds)')
    .option('--reservation <name>', 'run on this reservation (implies --scheduling reserved)');
  if (kind === 'task') cmd.option('--after <id:state[,state]>', 'start once this task ends in one of these states: success, failure, cancelled (repeatable)', collect);
  else cmd.option('--slots-per-node <n>', 'task instances each node runs at once (multiSlotsSettings)');
  return cmd;
}
