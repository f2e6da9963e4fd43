// Option declarations shared by the pool and job verbs. Kept light: index.ts
// files import this at start-up.
import type { Command } from 'commander';
import { collect } from '../define.js';

/** Explicit selectors for destructive verbs (never everything by default). */
export function addSelectorOptions(cmd: Command, states: readonly string[]): Command {
  return cmd
    .option('--tag <tag>', 'select those with this tag (repeatable: any of them)', collect)
    .option('--tags-all <tag>', 'select those with every one of these tags (repeatable)', collect)
    .option('--state <state>', `select those in this state (repeatable): ${states.join(', ')}`, collect)
    .option('--name <name>', 'select those with this exact name')
    .option('--name-like <pattern>', 'select those whose name matches (* and % are wildcards)')
    .option('--created-after <date>', 'select those created after this date')
    .option('--created-before <date>', 'select those created before this date')
    .option('--where <expr>', 'select with a filter expression')
    .option('--all', 'select every one of them');
}

export function addConfirmOptions(cmd: Command, action: string): Command {
  return cmd
    .option('-y, --yes', `${action} without asking (required when not on a terminal)`)
    .option('--dry-run', `list what would be affected; ${action} nothing`)
    .option('--concurrency <n>', 'requests in flight at once (default 8)');
}

/** elasticProperty (obsolete in the API, replaced by scaling, but still honoured). */
export function addElasticOptions(cmd: Command): Command {
  return cmd
    .option('--elastic-min-slots <n>', 'elastic: fewest slots (minTotalSlots)')
    .option('--elastic-max-slots <n>', 'elastic: most slots (maxTotalSlots)')
    .option('--elastic-min-idle-slots <n>', 'elastic: idle slots to keep (minIdleSlots)')
    .option('--elastic-resize-period <duration>', 'elastic: time between resizes, e.g. 90s (resizePeriod)')
    .option('--elastic-resize-factor <x>', 'elastic: ramp resize factor, 0 <= x < 1 (rampResizeFactor)')
    .option('--elastic-min-idle-time <duration>', 'elastic: idle time before a slot is released, e.g. 90s (minIdleTimeSeconds)');
}
