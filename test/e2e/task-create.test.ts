import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliOk } from '../helpers/cli.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';

type Json = Record<string, unknown>;

describe('task create', () => {
  let emu: TestEmulator;
  const dir = mkdtempSync(join(tmpdir(), 'qarnot-task-create-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const getTask = async (uuid: string) => (await emu.call<Json>('GET', `/tasks/${uuid}`)).body;

  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(async () => {
    await emu?.stop();
  });

  it('creates from flags: uuid on stdout, a human line on stderr, every field in the body', async () => {
    const result = await cli(
      [
        'task', 'create', '--name', 'flags', '--shortname', 'flags-1', '--profile', 'docker-batch', '-n', '2',
        '-c', 'DOCKER_CMD=echo a=b', '-c', 'OTHER=x', '--tag', 't1', '--tag', 't2', '--label', 'team=render',
        '--max-retries-per-instance', '2', '--max-total-retries', '5', '--auto-delete', '--ttl', '1h30m',
        '--export-credentials', '--upload-results-on-cancellation', '--scheduling', 'onDemand',
        '--snapshot-whitelist', '.*\\.log', '--results-blacklist', 'tmp/.*',
      ],
      { emulator: emu },
    );
    expect(result.exitCode, result.stderr).toBe(0);
    const uuid = result.stdout.trim();
    expect(uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.stderr).toContain('Created task "flags"');
    const task = await getTask(uuid);
    expect(task).toMatchObject({
      name: 'flags',
      shortname: 'flags-1',
      profile: 'docker-batch',
      instanceCount: 2,
      tags: ['t1', 't2'],
      labels: { team: 'render' },
      autoDeleteOnCompletion: true,
      completionTimeToLive: '01:30:00',
      privileges: { exportApiAndStorageCredentialsInEnvironment: true },
      retrySettings: { maxTotalRetries: 5, maxPerInstanceRetries: 2 },
      uploadResultsOnCancellation: true,
      snapshotWhitelist: '.*\\.log',
      resultsBlacklist: 'tmp/.*',
    });
    expect(String(task.schedulingType).toLowerCase()).toBe('ondemand');
    expect(task.constants).toEqual(expect.arrayContaining([{ key: 'DOCKER_CMD', value: 'echo a=b' }, { key: 'OTHER', value: 'x' }]));
  });

  it('--dry-run prints the body, including hardware constraints, and sends nothing', async () => {
    await emu.resetCounters();
    const before = (await emu.requests()).total;
    const out = await cliOk(
      ['task', 'create', '--name', 'dry', '--profile', 'docker-batch', '--range', '7,0-3', '--min-cores', '4', '--max-cores', '16',
        '--min-ram', '4G', '--max-ram', '65536', '--min-ram-ratio', '1.5', '--gpu', '--no-ssd', '--cpu-model', 'Ryzen 1700X', '--hardware', 'R7-2700X', '--dry-run'],
      { emulator: emu },
    );
    const body = JSON.parse(out) as Json;
    expect(body.advancedRanges).toBe('0-3,7');
    expect(body.instanceCount).toBeUndefined();
    expect(body.hardwareConstraints).toEqual([
      { discriminator: 'MinimumCoreHardwareConstraint', coreCount: 4 },
      { discriminator: 'MaximumCoreHardwareConstraint', coreCount: 16 },
      { discriminator: 'MinimumRamHardwareConstraint', minimumMemoryMB: 4096 },
      { discriminator: 'MaximumRamHardwareConstraint', maximumMemoryMB: 65536 },
      { discriminator: 'MinimumRamCoreRatioHardwareConstraint', minimumMemoryGBCoreRatio: 1.5 },
      { discriminator: 'GpuHardwareConstraint' },
      { discriminator: 'NoSSDHardwareConstraint' },
      { discriminator: 'CpuModelHardwareConstraint', cpuModel: 'Ryzen 1700X' },
      { discriminator: 'SpecificHardwareConstraint', specificationKey: 'R7-2700X' },
    ]);
    expect((await emu.requests()).total).toBe(before);
  });

  it('reads a YAML file, flags override it (constants merge by key)', async () => {
    const path = file(
      'task.yaml',
      ['name: from-file', 'profile: docker-batch', 'instanceCount: 3', 'tags: [file-tag]', 'constants:', '  - {key: DOCKER_CMD, value: "echo file"}', '  - {key: KEEP, value: kept}'].join('\n'),
    );
    const uuid = (await cliOk(['task', 'create', '-f', path, '-c', 'DOCKER_CMD=echo flag', '--tag', 'flag-tag', '-n', '1'], { emulator: emu })).trim();
    const task = await getTask(uuid);
    expect(task).toMatchObject({ name: 'from-file', instanceCount: 1, tags: ['flag-tag'] });
    expect(task.constants).toEqual(expect.arrayContaining([{ key: 'DOCKER_CMD', value: 'echo flag' }, { key: 'KEEP', value: 'kept' }]));
  });

  it('reads JSON from stdin with -f -', async () => {
    const body = { name: 'stdin-task', profile: 'docker-batch', constants: [{ key: 'DOCKER_CMD', value: 'true' }] };
    const uuid = (await cliOk(['task', 'create', '-f', '-'], { emulator: emu, input: JSON.stringify(body) })).trim();
    expect(await getTask(uuid)).toMatchObject({ name: 'stdin-task', instanceCount: 1 });
  });

  it('--json prints {"uuid"} (and the per-item answers of a bulk request)', async () => {
    const one = JSON.parse(await cliOk(['task', 'create', '--name', 'json', '--profile', 'docker-batch', '-c', 'DOCKER_CMD=true', '--json'], { emulator: emu })) as Json;
    expect(one.uuid).toMatch(/^[0-9a-f-]{36}$/);
    const path = file('bulk-json.json', JSON.stringify([{ name: 'j0', profile: 'docker-batch' }, { name: 'j1', profile: 'nope' }]));
    const result = await cli(['task', 'create', '-f', path, '--json'], { emulator: emu });
    expect(result.exitCode).toBe(1);
    const items = JSON.parse(result.stdout) as Json[];
    expect(items.map((i) => [i.index, i.statusCode])).toEqual([[0, 200], [1, 400]]);
  });

  it('submits an array in one bulk request and reports each item; exit 1 when one failed', async () => {
    const path = file(
      'bulk.json',
      JSON.stringify([
        { name: 'bulk-0', profile: 'docker-batch', constants: [{ key: 'DOCKER_CMD', value: 'true' }] },
        { name: 'bulk-1', profile: 'no-such-profile' },
        { name: 'bulk-2', profile: 'docker-batch', constants: [{ key: 'DOCKER_CMD', value: 'true' }] },
      ]),
    );
    await emu.resetCounters();
    const result = await cli(['task', 'create', '-f', path, '--tag', 'bulk'], { emulator: emu });
    expect(result.exitCode).toBe(1);
    const uuids = result.stdout.trim().split('\n');
    expect(uuids).toHaveLength(2);
    expect(result.stderr).toMatch(/item 1 \("bulk-1"\): .*profile/);
    expect(result.stderr).toContain('1 of 3 tasks were not created');
    const counts = await emu.requests();
    expect(counts.byRoute['POST /tasks']).toBe(1);
    expect((await getTask(uuids[0]!)).name).toBe('bulk-0');
    expect((await getTask(uuids[1]!)).name).toBe('bulk-2');
  });

  describe('bad input: exit 2, one line naming the flag or field, nothing sent', () => {
    const base = ['task', 'create', '--name', 'bad', '--profile', 'docker-batch'];
    const cases: [string, string[], RegExp][] = [
      ['malformed constant', [...base, '-c', 'NOEQUALS'], /--constant expects KEY=VALUE/],
      ['bad shortname', [...base, '--shortname', 'bad_name!'], /--shortname/],
      ['more than 10 tags', [...base, ...Array.from({ length: 11 }, (_, i) => ['--tag', `t${i}`]).flat()], /--tag: at most 10 tags/],
      ['--instances with --range', [...base, '-n', '2', '--range', '0-3'], /--instances and --range/],
      ['--profile with --pool', [...base, '--pool', 'some-pool'], /--profile and --pool/],
      ['--gpu with --no-gpu', [...base, '--gpu', '--no-gpu'], /--gpu and --no-gpu/],
      ['unknown scheduling', [...base, '--scheduling', 'sometimes'], /--scheduling must be one of flex, onDemand, reserved/],
      ['zero instances', [...base, '-n', '0'], /--instances must be an integer between 1/],
      ['negative instances', [...base, '--instances=-2'], /--instances must be an integer between 1/],
      ['bad range', [...base, '--range', '3-1'], /--range/],
      ['bad ram size', [...base, '--min-ram', 'lots'], /--min-ram expects a size/],
      ['bad ttl', [...base, '--ttl', 'forever'], /--ttl expects a duration/],
      ['missing name', ['task', 'create', '--profile', 'docker-batch'], /name: required; give --name/],
      ['directory as file', ['task', 'create', '-f', tmpdir()], /-f: .* is a directory/],
      ['missing file', ['task', 'create', '-f', join(tmpdir(), 'no-such-file.json')], /-f: cannot read .*no such file/],
    ];
    for (const [what, args, message] of cases) {
      it(what, async () => {
        const before = (await emu.requests()).total;
        const result = await cli(args, { emulator: emu });
        expect(result.exitCode, result.stderr).toBe(2);
        expect(result.stderr.trim().split('\n')).toHaveLength(1);
        expect(result.stderr).toMatch(message);
        expect(result.stdout).toBe('');
        expect((await emu.requests()).total).toBe(before);
      });
    }

    it('invalid file contents name the field', async () => {
      const files: [string, string, RegExp][] = [
        ['broken.json', '{"name": ', /not valid JSON/],
        ['broken.yaml', 'name: [unclosed', /not valid JSON or YAML/],
        ['scalar.yaml', 'just a string', /expected an object/],
        ['no-name.yaml', 'profile: docker-batch', /name: required/],
        ['bad-count.json', '{"name":"x","profile":"docker-batch","instanceCount":0}', /instanceCount: must be an integer between 1/],
        ['bad-tags.json', JSON.stringify({ name: 'x', tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }), /tags: at most 10 tags/],
        ['bad-item.json', JSON.stringify([{ name: 'ok', profile: 'docker-batch' }, { profile: 'docker-batch' }]), /item 1: name: required/],
      ];
      for (const [name, text, message] of files) {
        const before = (await emu.requests()).total;
        const result = await cli(['task', 'create', '-f', file(name, text)], { emulator: emu });
        expect(result.exitCode, `${name}: ${result.stderr}`).toBe(2);
        expect(result.stderr).toMatch(message);
        expect((await emu.requests()).total).toBe(before);
      }
    });
  });
});
