import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliOk } from '../helpers/cli.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';

let emu: TestEmulator;
let pool: string;
const dir = mkdtempSync(join(tmpdir(), 'qarnot-scaling-test-'));

beforeAll(async () => {
  emu = await startEmulator();
  const r = await emu.call<{ uuid: string }>('POST', '/pools', { name: 'scaled', profile: 'docker-batch', instanceCount: 1 });
  pool = r.body.uuid;
});
afterAll(() => emu.stop());

const policies = [
  {
    type: 'ManagedTasksQueue', name: 'office-hours', minTotalSlots: 0, maxTotalSlots: 10, minIdleSlots: 1, minIdleTimeSeconds: 90, scalingFactor: 0.5,
    enabledPeriods: [{ type: 'Weekly', name: 'weekdays', days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], startTimeUtc: '08:00:00', endTimeUtc: '18:00:00' }],
  },
  { type: 'Fixed', name: 'default', slotsCount: 2, enabledPeriods: [{ type: 'Always', name: null }] },
];

const getJson = async () => JSON.parse(await cliOk(['pool', 'scaling', 'get', pool, '--json'], { emulator: emu })) as { policies: typeof policies; activePolicyName: string | null };

describe('pool scaling', () => {
  it('sets from a JSON file and reads it back; get --json feeds set -f unchanged', async () => {
    const file = join(dir, 'scaling.json');
    writeFileSync(file, JSON.stringify({ policies }));
    const set = await cli(['pool', 'scaling', 'set', pool, '-f', file], { emulator: emu });
    expect(set.exitCode, set.stderr).toBe(0);
    expect(set.stderr).toMatch(/Set 2 scaling policies/);
    const got = await getJson();
    expect(got.policies).toEqual(policies);
    expect(['office-hours', 'default']).toContain(got.activePolicyName);
    // Round trip: what get --json prints is a valid input for set -f.
    const again = join(dir, 'again.json');
    writeFileSync(again, JSON.stringify(got));
    await cliOk(['pool', 'scaling', 'set', pool, '-f', again], { emulator: emu });
    expect((await getJson()).policies).toEqual(policies);
  });

  it('sets from ordered flags and shows a readable table', async () => {
    await cliOk(
      ['pool', 'scaling', 'set', pool, '--managed', 'min=0,max=10,idle=1,idle-time=90,factor=0.5', '--name', 'office-hours', '--weekly', 'mon-fri 08:00-18:00', '--fixed', '2', '--name', 'default', '--always'],
      { emulator: emu },
    );
    const got = await getJson();
    expect(got.policies.map((p) => ({ ...p, enabledPeriods: p.enabledPeriods.map((e) => ({ ...e, name: null })) }))).toEqual(
      policies.map((p) => ({ ...p, enabledPeriods: p.enabledPeriods.map((e) => ({ ...e, name: null })) })),
    );
    const table = await cliOk(['pool', 'scaling', 'get', pool, '--format', 'tsv'], { emulator: emu });
    const rows = table.trimEnd().split('\n').map((l) => l.split('\t'));
    expect(rows.map((r) => r.slice(1))).toEqual([
      ['office-hours', 'Managed', '0-10', 'idle=1 idle-time=90s factor=0.5', 'mon-fri 08:00-18:00 UTC'],
      ['default', 'Fixed', '2', '', 'always'],
    ]);
    // Exactly one policy is marked active, the one the API names.
    const active = rows.filter((r) => r[0] === '*').map((r) => r[1]);
    expect(active).toEqual([got.activePolicyName]);
    expect((await cliOk(['pool', 'scaling', 'get', pool, '-q'], { emulator: emu })).trim().split('\n')).toEqual(['office-hours', 'default']);
  });

  it('check: valid input goes to the sanity-check endpoint and exits 0', async () => {
    const file = join(dir, 'valid.json');
    writeFileSync(file, JSON.stringify({ policies }));
    await emu.resetCounters();
    for (const args of [['-f', file], ['--fixed', '1', '--always']]) {
      const ok = await cli(['pool', 'scaling', 'check', ...args], { emulator: emu });
      expect(ok.exitCode, ok.stderr).toBe(0);
      expect(ok.stdout).toBe('');
      expect(ok.stderr).toMatch(/Valid: \d polic/);
    }
    const counts = await emu.requests();
    expect(counts.total).toBe(2);
    expect(Object.keys(counts.byRoute).join(' ')).toMatch(/sanity-checks/);
  });

  it('check: the obvious mistakes are caught locally, each on its own line, nothing sent (exit 1)', async () => {
    await emu.resetCounters();
    const r = await cli(['pool', 'scaling', 'check', '--managed', 'min=5,max=2,factor=1.5', '--weekly', 'mon,moo 18:00-08:00', '--fixed', '1'], { emulator: emu });
    expect(r.exitCode).toBe(1);
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      'policies[0].minTotalSlots: min 5 is above max 2',
      'policies[0].scalingFactor: must be greater than 0 and at most 1, got 1.5',
      'policies[0].enabledPeriods[0].days[1]: "moo" is not a day of the week (monday..sunday)',
      'policies[0].enabledPeriods[0].endTimeUtc: end "08:00:00" is not after start "18:00:00"',
      'policies[1].enabledPeriods: at least one period is required (--always or --weekly after the policy)',
    ]);
    expect(r.stderr).toMatch(/Invalid: 5 problems \(found locally; nothing sent\)/);
    const json = await cli(['pool', 'scaling', 'check', '--fixed', '-1', '--always', '--json'], { emulator: emu });
    expect(json.exitCode).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({ valid: false, problems: [{ path: 'policies[0].slotsCount', message: 'must be an integer >= 0, got -1' }] });
    expect((await emu.requests()).total).toBe(0);
  });

  it('set: a single policy with no period applies always, as --dry-run says', async () => {
    const dry = await cli(['pool', 'scaling', 'set', pool, '--fixed', '3', '--dry-run'], { emulator: emu });
    expect(dry.exitCode, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ policies: [{ type: 'Fixed', slotsCount: 3, enabledPeriods: [{ type: 'Always' }] }] });
    expect(dry.stderr).toContain('a single policy with no --always or --weekly period applies always');
    const created = await cli(['pool', 'create', '--name', 'fixed-3', '--profile', 'docker-batch', '--fixed', '3', '--dry-run'], { emulator: emu });
    expect(created.exitCode, created.stderr).toBe(0);
    expect(created.stderr).toContain('applies always');
    // Two policies still need their periods: which one applies when is not guessed.
    expect((await cli(['pool', 'scaling', 'set', pool, '--fixed', '3', '--fixed', '1', '--always'], { emulator: emu })).exitCode).toBe(2);
  });

  it('set: local problems exit 2 and nothing is sent; malformed flags exit 2', async () => {
    await emu.resetCounters();
    const before = await emu.call('GET', `/pools/${pool}/scaling`);
    await emu.resetCounters();
    const problems = await cli(['pool', 'scaling', 'set', pool, '--managed', 'min=3,max=1', '--always'], { emulator: emu });
    expect(problems.exitCode).toBe(2);
    expect(problems.stderr).toMatch(/policies\[0\]\.minTotalSlots: min 3 is above max 1/);
    const cases: [string[], RegExp][] = [
      [['pool', 'scaling', 'set', pool, '--always', '--fixed', '1'], /--always must come after/],
      [['pool', 'scaling', 'set', pool, '--fixed', 'two', '--always'], /--fixed must be an integer/],
      [['pool', 'scaling', 'set', pool, '--managed', 'min=1', '--always'], /needs max=N/],
      [['pool', 'scaling', 'set', pool, '--fixed', '1', '--weekly', 'mon 8am-9am'], /--weekly: "8am" is not a time/],
      [['pool', 'scaling', 'set', pool], /no policies given/],
      [['pool', 'scaling', 'set', pool, '-f', join(dir, 'nope.json'), '--fixed', '1'], /either with -f FILE or with --fixed/],
      [['pool', 'scaling', 'check', '--managed', 'speed=2'], /KEY one of min, max/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(args, { emulator: emu });
      expect(r.exitCode, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
    expect((await emu.requests()).total).toBe(0);
    expect((await emu.call('GET', `/pools/${pool}/scaling`)).body).toEqual(before.body);
  });

  it('pool create --scaling FILE sends the policies', async () => {
    const file = join(dir, 'create-scaling.json');
    writeFileSync(file, JSON.stringify(policies));
    const profile = join(dir, 'profile.json');
    writeFileSync(profile, JSON.stringify({ profile: 'docker-batch' }));
    const id = (await cliOk(['pool', 'create', '-f', profile, '--name', 'with-scaling', '--scaling', file], { emulator: emu })).trim();
    const got = (await emu.call<{ policies: unknown[] }>('GET', `/pools/${id}/scaling`)).body;
    expect(got.policies).toEqual(policies);
  });

  const byFlags = ['--managed', 'min=0,max=10,idle=1,idle-time=90,factor=0.5', '--weekly', 'mon-fri 08:00-18:00', '--fixed', '2', '--always'];
  // Built from flags, the policies are named policy-1, policy-2 (--name is the pool's).
  const autoNamed = policies.map((p, i) => ({ ...p, name: `policy-${i + 1}`, enabledPeriods: p.enabledPeriods.map((e) => ({ ...e, name: null })) }));
  const withoutPeriodNames = (got: typeof policies) => got.map((p) => ({ ...p, enabledPeriods: p.enabledPeriods.map((e) => ({ ...e, name: null })) }));

  it('pool create and clone take the policies from the same ordered flags as scaling set', async () => {
    const id = (await cliOk(['pool', 'create', '--name', 'office', '--profile', 'docker-batch', ...byFlags], { emulator: emu })).trim();
    const created = (await emu.call<{ policies: typeof policies }>('GET', `/pools/${id}/scaling`)).body;
    expect(withoutPeriodNames(created.policies)).toEqual(autoNamed);
    expect((await emu.call<{ name: string }>('GET', `/pools/${id}`)).body.name).toBe('office');
    const clone = (await cliOk(['pool', 'clone', id, '--name', 'office-2', '--fixed', '3', '--always'], { emulator: emu })).trim();
    const cloned = (await emu.call<{ policies: typeof policies }>('GET', `/pools/${clone}/scaling`)).body;
    expect(cloned.policies).toEqual([{ type: 'Fixed', name: 'policy-1', slotsCount: 3, enabledPeriods: [{ type: 'Always', name: null }] }]);
  });

  it('pool update replaces the policies from flags; --dry-run shows them and sends no write', async () => {
    const dry = await cliOk(['pool', 'update', pool, ...byFlags, '--dry-run'], { emulator: emu });
    expect(withoutPeriodNames((JSON.parse(dry) as { scaling: { policies: typeof policies } }).scaling.policies)).toEqual(autoNamed);
    await cliOk(['pool', 'update', pool, '--fixed', '4', '--always'], { emulator: emu });
    expect((await getJson()).policies).toEqual([{ type: 'Fixed', name: 'policy-1', slotsCount: 4, enabledPeriods: [{ type: 'Always', name: null }] }]);
  });

  it('create and update refuse bad scaling flags with exit 2 and send nothing', async () => {
    await emu.resetCounters();
    const file = join(dir, 'either.json');
    writeFileSync(file, JSON.stringify(policies));
    const cases: [string[], RegExp][] = [
      [['pool', 'create', '--name', 'x', '--profile', 'docker-batch', '--always', '--fixed', '1'], /--always must come after/],
      [['pool', 'create', '--name', 'x', '--profile', 'docker-batch', '--managed', 'min=3,max=1', '--always'], /scaling flags: policies\[0\]\.minTotalSlots: min 3 is above max 1/],
      [['pool', 'create', '--name', 'x', '--profile', 'docker-batch', '--scaling', file, '--fixed', '1'], /either with --scaling FILE or with --fixed/],
      [['pool', 'update', pool, '--fixed', 'two', '--always'], /--fixed must be an integer/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(args, { emulator: emu });
      expect(r.exitCode, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
    expect((await emu.requests()).total).toBe(0);
  });
});
