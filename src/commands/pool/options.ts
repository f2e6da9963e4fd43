// Option declarations of the pool verbs. Kept light: index.ts
// files import this at start-up.
import type { Command } from 'commander';
import { addAllowUnknownFields } from '../shared/body-options.js';

/** -f for create, clone and update: the API's own field names, flags overriding them. */
export function addPoolFileOption(cmd: Command, what: string): Command {
  return addAllowUnknownFields(cmd.option('-f, --file <file>', `${what} as JSON or YAML in the API's field names (- for stdin); flags override its fields`));
}

/** elasticProperty (obsolete in the API, replaced by scaling, but still honoured). */
export function addElasticOptions(cmd: Command): Command {
  return cmd
    .option('--elastic-min-slots <n>', 'elastic: fewest slots (minTotalSlots)')
    .option('--elastic-max-slots <n>', 'elastic: most slots (maxTotalSlots)')
    .option('--elastic-min-idle-slots <n>', 'elastic: idle slots to keep (minIdleSlots)')
    .option('--elastic-resize-period <duration>', 'elastic: time between resizes, e.g. 90s (resizePeriod)')
    .option('--elastic-resize-factor <x>', 'elastic: ramp resize factor, 0 <= x < 1 (rampResizeFactor)')
    .option('--elastic-min-idle-time <duration>', 'elastic: idle time before a slot is released, e.g. 90s (minIdleTimeSeconds)')
    .option('--no-elastic', 'turn elasticity off (isElastic: false)');
}
