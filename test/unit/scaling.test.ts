import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { validationProblems } from '../../src/api/pools.js';
import { UsageError } from '../../src/errors.js';
import { checkScaling } from '../../src/scaling/check.js';
import { scalingFromValue } from '../../src/scaling/document.js';
import { buildScaling, parseManaged } from '../../src/scaling/flags.js';
import { formatProblem } from '../../src/scaling/model.js';
import { STEPS_KEY, addScalingFlags, type Step } from '../../src/scaling/options.js';
import { scalingRows } from '../../src/scaling/table.js';
import { formatDays, formatWeekly, parseDays, parseWeekly } from '../../src/scaling/weekly.js';

function stepsOf(argv: string[]): Step[] {
  const cmd = addScalingFlags(new Command('set').exitOverride(), { withName: true });
  cmd.parse(argv, { from: 'user' });
  return (cmd.getOptionValue(STEPS_KEY) as Step[] | undefined) ?? [];
}

describe('weekly specs', () => {
  it('expands ranges, lists, wrap-around ranges and shortcuts', () => {
    expect(parseDays('--weekly', 'mon-fri')).toEqual(['monday', 'tuesday', 'wednesday', 'thursday', 'friday']);
    expect(parseDays('--weekly', 'mon,Wed,friday')).toEqual(['monday', 'wednesday', 'friday']);
    expect(parseDays('--weekly', 'fri-mon')).toEqual(['friday', 'saturday', 'sunday', 'monday']);
    expect(parseDays('--weekly', 'weekend,sat')).toEqual(['saturday', 'sunday']);
    expect(parseDays('--weekly', 'thurs')).toEqual(['thursday']);
  });

  it('keeps unknown days as typed for the check to report', () => {
    expect(parseDays('--weekly', 'mon,moo,tue-xyz')).toEqual(['monday', 'moo', 'tue-xyz']);
  });

  it('converts times to the API form; 24:00 and no times mean the end of the day', () => {
    expect(parseWeekly('--weekly', 'mon-fri 08:00-18:00')).toEqual({
      type: 'Weekly', name: null, days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], startTimeUtc: '08:00:00', endTimeUtc: '18:00:00',
    });
    expect(parseWeekly('--weekly', 'sun 8:30:15-24:00')).toMatchObject({ startTimeUtc: '08:30:15', endTimeUtc: '23:59:59.9999999' });
    expect(parseWeekly('--weekly', 'sat,sun')).toMatchObject({ startTimeUtc: '00:00:00', endTimeUtc: '23:59:59.9999999' });
  });

  it('refuses what cannot be parsed, naming the flag', () => {
    for (const bad of ['', 'mon 08:00', 'mon 8am-9am', 'mon 08:00-09:00 extra', 'mon,,tue']) {
      expect(() => parseWeekly('--weekly', bad), bad).toThrow(UsageError);
    }
    expect(() => parseWeekly('--weekly', 'mon 8am-9am')).toThrow(/--weekly/);
  });

  it('formats days and periods back compactly', () => {
    expect(formatDays(['monday', 'tuesday', 'wednesday', 'thursday', 'friday'])).toBe('mon-fri');
    expect(formatDays(['saturday', 'sunday'])).toBe('sat,sun');
    expect(formatDays(['Monday', 'wednesday', 'friday'])).toBe('mon,wed,fri');
    expect(formatWeekly({ days: ['thursday'], startTimeUtc: '19:30:00', endTimeUtc: '23:59:59.9999999' })).toBe('thu 19:30-24:00');
    expect(formatWeekly({ days: ['saturday', 'sunday'], startTimeUtc: '00:00:00', endTimeUtc: '23:59:59.9999999' })).toBe('sat,sun');
  });
});

describe('policy flags', () => {
  it('keeps the command-line order across different options', () => {
    const steps = stepsOf(['--fixed', '2', '--weekly', 'sat,sun', '--managed', 'min=0,max=10', '--always']);
    expect(steps.map((s) => s.kind)).toEqual(['fixed', 'weekly', 'managed', 'always']);
    const { policies } = buildScaling(steps);
    expect(policies.map((p) => [p.name, p.type, p.enabledPeriods.map((e) => e.type)])).toEqual([
      ['policy-1', 'Fixed', ['Weekly']],
      ['policy-2', 'ManagedTasksQueue', ['Always']],
    ]);
  });

  it('names the policy a --name follows', () => {
    const { policies } = buildScaling(stepsOf(['--fixed', '1', '--name', 'night', '--always', '--fixed', '3', '--always']));
    expect(policies.map((p) => p.name)).toEqual(['night', 'policy-2']);
  });

  it('parses managed settings with defaults and durations', () => {
    expect(parseManaged('--managed', 'min=1,max=10,idle=2,idle-time=2m,factor=0.5', 'p')).toMatchObject({
      minTotalSlots: 1, maxTotalSlots: 10, minIdleSlots: 2, minIdleTimeSeconds: 120, scalingFactor: 0.5,
    });
    expect(parseManaged('--managed', 'max=4', 'p')).toMatchObject({ minTotalSlots: 0, minIdleSlots: 0, minIdleTimeSeconds: 90, scalingFactor: 0.2 });
  });

  it('refuses structure it cannot build (exit 2 errors)', () => {
    expect(() => buildScaling([{ kind: 'always' }])).toThrow(/--always must come after/);
    expect(() => buildScaling([{ kind: 'name', value: 'x' }])).toThrow(/--name must come after/);
    expect(() => buildScaling([{ kind: 'fixed', value: 'two' }])).toThrow(/--fixed must be an integer/);
    expect(() => parseManaged('--managed', 'min=0', 'p')).toThrow(/needs max=N/);
    expect(() => parseManaged('--managed', 'max=3,speed=2', 'p')).toThrow(/KEY one of min, max, idle, idle-time, factor/);
    expect(() => parseManaged('--managed', 'max=3,max=4', 'p')).toThrow(/given twice/);
    expect(() => parseManaged('--managed', 'max=abc', 'p')).toThrow(/--managed max must be an integer/);
    expect(() => buildScaling([{ kind: 'fixed', value: '1' }, { kind: 'name', value: 'a' }, { kind: 'name', value: 'b' }])).toThrow(/already named/);
  });
});

describe('local checks', () => {
  it('reports every obvious mistake with its path', () => {
    const scaling = buildScaling([
      { kind: 'managed', value: 'min=5,max=2,factor=1.5' },
      { kind: 'weekly', value: 'mon,moo 18:00-08:00' },
      { kind: 'fixed', value: '1' },
    ]);
    expect(checkScaling(scaling).map(formatProblem)).toEqual([
      'policies[0].minTotalSlots: min 5 is above max 2',
      'policies[0].scalingFactor: must be greater than 0 and at most 1, got 1.5',
      'policies[0].enabledPeriods[0].days[1]: "moo" is not a day of the week (monday..sunday)',
      'policies[0].enabledPeriods[0].endTimeUtc: end "08:00:00" is not after start "18:00:00"',
      'policies[1].enabledPeriods: at least one period is required (--always or --weekly after the policy)',
    ]);
  });

  it('accepts a valid set, case-insensitively like the API', () => {
    expect(checkScaling({ Policies: [{ Type: 'fixed', Name: 'a', SlotsCount: 1, EnabledPeriods: [{ Type: 'always' }] }] })).toEqual([]);
    expect(checkScaling(buildScaling([{ kind: 'managed', value: 'max=3' }, { kind: 'weekly', value: 'Monday 00:00-24:00' }]))).toEqual([]);
  });

  it('checks file shapes: types, names, factor 0, out-of-range times', () => {
    const problems = checkScaling({
      policies: [
        { type: 'Elastic', name: 'a', enabledPeriods: [{ type: 'Sometimes' }] },
        { type: 'ManagedTasksQueue', name: 'a', maxTotalSlots: 3, minIdleSlots: 4, scalingFactor: 0, enabledPeriods: [{ type: 'Weekly', days: [], startTimeUtc: '25:00:00', endTimeUtc: '10:00:00' }] },
      ],
    }).map(formatProblem);
    expect(problems).toEqual([
      'policies[0].type: must be Fixed or ManagedTasksQueue, got "Elastic"',
      'policies[0].enabledPeriods[0].type: must be Always or Weekly, got "Sometimes"',
      'policies[1].name: the name "a" is already used by policies[0]',
      'policies[1].minIdleSlots: idle 4 is above max 3',
      'policies[1].scalingFactor: must be greater than 0 and at most 1, got 0',
      'policies[1].enabledPeriods[0].days: a weekly period needs at least one day',
      'policies[1].enabledPeriods[0].startTimeUtc: must be a UTC time of day hh:mm:ss, got "25:00:00"',
    ]);
    expect(checkScaling({})).toEqual([{ path: 'policies', message: 'a list of policies is required' }]);
  });

  it('reads files as {policies} (get --json output) or a bare list', () => {
    expect(scalingFromValue('-f', { policies: [1], activePolicyName: 'x' })).toEqual({ policies: [1] });
    expect(scalingFromValue('-f', [1, 2])).toEqual({ policies: [1, 2] });
    expect(() => scalingFromValue('-f x.json', { foo: 1 })).toThrow(/-f x.json: expected/);
  });
});

describe('table rows', () => {
  it('describes each policy, its slots and its periods; marks the active one', () => {
    const rows = scalingRows({
      activePolicyName: 'default-policy',
      policies: [
        {
          type: 'ManagedTasksQueue', name: 'the-active-policy', minTotalSlots: 0, maxTotalSlots: 10, minIdleSlots: 1, minIdleTimeSeconds: 90, scalingFactor: 0.5,
          enabledPeriods: [
            { type: 'Weekly', days: ['thursday'], startTimeUtc: '19:30:00', endTimeUtc: '23:59:59.9999999', name: 'thursday-evening' },
            { type: 'Weekly', days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], startTimeUtc: '00:00:00', endTimeUtc: '10:00:00', name: null },
          ],
        },
        { type: 'Fixed', slotsCount: 19, name: 'default-policy', enabledPeriods: [{ type: 'Always', name: null }] },
      ],
    });
    expect(rows).toEqual([
      { active: false, name: 'the-active-policy', type: 'Managed', slots: '0-10', settings: 'idle=1 idle-time=90s factor=0.5', periods: 'thu 19:30-24:00 UTC (thursday-evening); mon-fri 00:00-10:00 UTC' },
      { active: true, name: 'default-policy', type: 'Fixed', slots: '19', settings: '', periods: 'always' },
    ]);
  });
});

describe('API validation answers', () => {
  it('turns a ValidationProblemDetails body into one problem per message', () => {
    expect(
      validationProblems({
        title: 'Model validation error',
        status: 400,
        errors: { 'policies[0].enabledPeriods[1].days[0]': ['bad day'], 'policies[1].name': ['required', 'too short'] },
      }),
    ).toEqual([
      { path: 'policies[0].enabledPeriods[1].days[0]', message: 'bad day' },
      { path: 'policies[1].name', message: 'required' },
      { path: 'policies[1].name', message: 'too short' },
    ]);
    expect(validationProblems({ detail: 'Validation failed' })).toEqual([{ path: '', message: 'Validation failed' }]);
  });
});
