import type { Command } from 'commander';
import { wrappedHelpText } from '../output/help-wrap.js';

/**
 * The scaling flags keep their order on the command line: commander stores
 * each option separately, so every occurrence is appended to one ordered
 * list (the `scalingSteps` option value) as it is parsed.
 */
export type StepKind = 'fixed' | 'managed' | 'always' | 'weekly' | 'name';

export interface Step {
  kind: StepKind;
  value?: string;
}

export const STEPS_KEY = 'scalingSteps';

function record(cmd: Command, kind: StepKind) {
  cmd.on(`option:${kind}`, (value: string | undefined) => {
    const steps = (cmd.getOptionValue(STEPS_KEY) as Step[] | undefined) ?? [];
    cmd.setOptionValue(STEPS_KEY, [...steps, typeof value === 'string' ? { kind, value } : { kind }]);
  });
}

/** Declares --fixed/--managed/--always/--weekly/--name on a scaling command. */
export function addScalingFlags(cmd: Command, opts: { withName: boolean }): Command {
  // Repeatable (a parser): each occurrence is a step, recorded below.
  const step = (value: string) => value;
  cmd
    .option('--fixed <slots>', 'start a policy keeping exactly SLOTS slots', step)
    .option('--managed <settings>', 'start a policy scaled on the task queue, e.g. min=0,max=10 (keys: min, max, idle, idle-time, factor; max required)', step)
    .option('--always', 'the current policy applies at any time (implied for a single policy with no period)')
    .option('--weekly <spec>', "the current policy applies on these days and UTC hours, e.g. 'mon-fri 08:00-18:00', 'sat,sun' (repeatable)", step);
  if (opts.withName) cmd.option('--name <name>', 'name the current policy (default policy-1, policy-2 ...)', step);
  cmd.addHelpText('after', wrappedHelpText(scalingFlagsHelp(opts.withName)));
  for (const kind of ['fixed', 'managed', 'always', 'weekly', ...(opts.withName ? ['name'] : [])] as StepKind[]) record(cmd, kind);
  return cmd;
}

/** Where --name is the pool's own (create, clone, update), policies are named policy-1, policy-2 ... */
export function scalingFlagsHelp(withName: boolean): string {
  const intro = withName
    ? `Building scaling policies from flags: each --fixed or --managed starts a policy,
the --always and --weekly flags after it say when it applies, and --name after it
names it. Policies keep their order: the first one with a matching period is
active. Example, two policies:
  --fixed 2 --name weekend --weekly 'sat,sun' --managed min=0,max=10 --always`
    : `Building scaling policies from flags: each --fixed or --managed starts a policy,
and the --always and --weekly flags after it say when it applies (policies are
named policy-1, policy-2 ...). Policies keep their order: the first one with a
matching period is active. Example, two policies:
  --fixed 2 --weekly 'sat,sun' --managed min=0,max=10 --always`;
  return `
${intro}
Weekly days: mon..sun, full names, lists (mon,wed,fri), ranges (mon-fri, fri-mon),
weekdays, weekend, daily. Times are UTC, HH:MM[:SS]; 24:00 ends the day; no
times means the whole day.
`;
}
