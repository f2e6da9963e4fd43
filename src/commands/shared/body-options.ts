// Option declarations of the request bodies (tasks and pools), apart from the
// body builders in body.ts: these are declared at start-up, the builders load
// with the verb.
import type { Command } from 'commander';
import { collect } from '../define.js';

/** With every -f that takes a request body: its keys are checked against the API's input schema. */
export function addAllowUnknownFields(cmd: Command): Command {
  return cmd.option('--allow-unknown-fields', 'send -f fields this version does not know (newer API fields) instead of refusing them');
}

export const SCHEDULING_TYPES = ['flex', 'onDemand', 'reserved'] as const;

/**
 * `--gpu` / `--no-gpu`: commander folds both into one value (the last wins),
 * so listen to each flag and record when both were given: that is a conflict
 * the user should hear about, not a silent choice.
 */
export function addSwitchPair(cmd: Command, name: string, onHelp: string, offHelp: string): Command {
  cmd.option(`--${name}`, onHelp).option(`--no-${name}`, offHelp);
  const seen = new Set<string>();
  const key = `${camel(name)}BothGiven`;
  const mark = (which: string) => {
    seen.add(which);
    if (seen.size === 2) cmd.setOptionValue(key, true);
  };
  cmd.on(`option:${name}`, () => mark('on'));
  cmd.on(`option:no-${name}`, () => mark('off'));
  return cmd;
}

function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Constants, tags, labels: the key/value part of a body. */
export function addMetadataOptions(cmd: Command): Command {
  return cmd
    .option('-c, --constant <KEY=VALUE>', 'constant (repeatable; split on the first "=")', collect)
    .option('--tag <tag>', 'tag (repeatable, at most 10)', collect)
    .option('--label <KEY=VALUE>', 'label (repeatable)', collect);
}

export function addHardwareOptions(cmd: Command): Command {
  cmd
    .option('--min-cores <n>', 'hardware: at least N cores')
    .option('--max-cores <n>', 'hardware: at most N cores')
    .option('--min-ram <size>', 'hardware: at least this much RAM (MB, or 4G, 512M)')
    .option('--max-ram <size>', 'hardware: at most this much RAM (MB, or 4G, 512M)')
    .option('--min-ram-ratio <GB>', 'hardware: at least this many GB of RAM per core')
    .option('--max-ram-ratio <GB>', 'hardware: at most this many GB of RAM per core');
  addSwitchPair(cmd, 'gpu', 'hardware: with a GPU', 'hardware: without a GPU');
  addSwitchPair(cmd, 'ssd', 'hardware: with an SSD', 'hardware: without an SSD');
  return cmd
    .option('--cpu-model <model>', 'hardware: this CPU model (e.g. "Ryzen 1700X")')
    .option('--hardware <key>', 'hardware: a machine specification key (substring match; repeatable)', collect);
}

export function addRetryOptions(cmd: Command): Command {
  return cmd
    .option('--max-retries-per-instance <n>', 'retries allowed per instance')
    .option('--max-total-retries <n>', 'retries allowed over all instances');
}

export function addSchedulingOptions(cmd: Command): Command {
  return cmd
    .option('--scheduling <type>', `scheduling type: ${SCHEDULING_TYPES.join(', ')}`)
    .option('--reserved-machine <key>', 'reserved machine to target (implies --scheduling reserved)');
}

export function addLifetimeOptions(cmd: Command): Command {
  return cmd
    .option('--auto-delete', 'delete automatically once complete (after --ttl)')
    .option('--ttl <duration>', 'time to keep it once complete, e.g. 30m, 2h (completionTimeToLive)')
    .option('--export-credentials', 'export the API and storage credentials into the environment');
}

