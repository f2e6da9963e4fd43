// A typo in a -f file never reaches the API: exit 2 naming the key, nothing sent.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';

let emu: TestEmulator;
const dir = mkdtempSync(join(tmpdir(), 'qarnot-file-fields-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

beforeAll(async () => {
  emu = await startEmulator();
});

afterAll(async () => {
  await emu?.stop();
});

describe('-f files are checked against the API input schema', () => {
  it('task create: a typo exits 2 with a suggestion, and nothing is sent', async () => {
    await emu.resetCounters();
    const result = await cli(['task', 'create', '-f', file('typo.yaml', 'name: t\nprofile: docker-batch\ninstanceCont: 2\n')], { emulator: emu });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('unknown field "instanceCont" (did you mean "instanceCount"?)');
    expect((await emu.requests()).total).toBe(0);
  });

  it('task create: keys in any case are accepted, as the API reads them; --allow-unknown-fields sends new ones', async () => {
    const ok = await cli(['task', 'create', '-f', file('case.yaml', 'Name: t\nPROFILE: docker-batch\nInstanceCount: 2\n')], { emulator: emu });
    expect(ok.exitCode, ok.stderr).toBe(0);
    const body = file('new.json', '{"name": "t", "profile": "docker-batch", "someNewField": {"x": 1}}');
    expect((await cli(['task', 'create', '-f', body, '--dry-run'], { emulator: emu })).exitCode).toBe(2);
    const allowed = await cli(['task', 'create', '-f', body, '--dry-run', '--allow-unknown-fields'], { emulator: emu });
    expect(allowed.exitCode, allowed.stderr).toBe(0);
    expect(JSON.parse(allowed.stdout)).toMatchObject({ someNewField: { x: 1 } });
  });

  it('a bulk file names the item; JSON duplicate keys are refused', async () => {
    const bulk = await cli(['task', 'create', '-f', file('bulk.json', '[{"name": "a", "profile": "docker-batch"}, {"name": "b", "profile": "docker-batch", "tgas": ["x"]}]')], { emulator: emu });
    expect(bulk.exitCode).toBe(2);
    expect(bulk.stderr).toMatch(/item 1: unknown field "tgas" \(did you mean "tags"\?\)/);
    const twice = await cli(['task', 'create', '-f', file('twice.json', '{"name": "a", "profile": "docker-batch", "name": "b"}')], { emulator: emu });
    expect(twice.exitCode).toBe(2);
    expect(twice.stderr).toContain('gives the key "name" twice');
  });

  it('task clone, task retry and pool create check against their own schemas', async () => {
    const clone = await cli(['task', 'clone', 'some-task', '-f', file('clone.yaml', 'nmae: y\n')], { emulator: emu });
    expect(clone.exitCode).toBe(2);
    expect(clone.stderr).toContain('unknown field "nmae" (did you mean "name"?)');
    const retry = await cli(['task', 'retry', 'some-task', '-f', file('retry.yaml', 'advancedRanges: 0-2\n')], { emulator: emu });
    expect(retry.exitCode).toBe(2);
    expect(retry.stderr).toContain('unknown field "advancedRanges"');
    const pool = await cli(['pool', 'create', '-f', file('pool.yaml', 'name: p\nprofile: docker-batch\nelasticProperty:\n  isElastc: true\n')], { emulator: emu });
    expect(pool.exitCode).toBe(2);
    expect(pool.stderr).toContain('unknown field "elasticProperty.isElastc" (did you mean "isElastic"?)');
  });
});
