// Bugs found by an adversarial pass over pool, job, secret and friends: each test failed before its fix.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempConfigDir } from '../helpers/cli.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';
import { testIO } from '../helpers/io.js';
import { BIN } from '../helpers/paths.js';
import { outsideProgram } from '../helpers/programs.js';
import { run, runOk } from '../helpers/run.js';
import { waitFor } from '../helpers/wait.js';

let emu: TestEmulator;

beforeAll(async () => {
  emu = await startEmulator();
});

afterAll(async () => {
  await emu?.stop();
});

const elasticOf = async (uuid: string) => (await emu.call<{ elasticProperty: Record<string, unknown> }>('GET', `/pools/${uuid}`)).body.elasticProperty;

describe('--elastic-* flags change the elastic settings they name, and keep the others', () => {
  const poolFile = () => {
    const file = join(tempConfigDir(), 'pool.yaml');
    writeFileSync(file, 'name: from-file\nprofile: docker-batch\nelasticProperty:\n  isElastic: true\n  minTotalSlots: 1\n  maxTotalSlots: 4\n  resizePeriod: 180\n');
    return file;
  };

  it('pool create -f FILE --elastic-max-slots keeps the file\'s other elastic settings', async () => {
    const uuid = await runOk(['pool', 'create', '-f', poolFile(), '--elastic-max-slots', '8', '-q'], { emulator: emu });
    expect(await elasticOf(uuid)).toMatchObject({ isElastic: true, minTotalSlots: 1, maxTotalSlots: 8, resizePeriod: 180 });
  });

  it('pool create -f FILE --elastic-min-slots above the file\'s max: exit 2 naming both, nothing sent', async () => {
    const result = await run(['pool', 'create', '-f', poolFile(), '--elastic-min-slots', '6'], { emulator: emu });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/--elastic-min-slots \(6\) must not exceed maxTotalSlots \(4\) from -f .*pool\.yaml; give --elastic-max-slots too/);
  });

  it('pool clone --elastic-max-slots keeps the source pool\'s other elastic settings', async () => {
    const source = await runOk(['pool', 'create', '-f', poolFile(), '--elastic-min-idle-slots', '2', '-q'], { emulator: emu });
    const copy = await runOk(['pool', 'clone', source, '--elastic-max-slots', '6', '-q'], { emulator: emu });
    expect(await elasticOf(copy)).toMatchObject({ isElastic: true, minTotalSlots: 1, maxTotalSlots: 6, minIdleSlots: 2, resizePeriod: 180 });
  });

  it('pool update of a pool without elasticity: a bound it has not got is named as the pool\'s, not as a flag', async () => {
    const uuid = await runOk(['pool', 'create', '--name', 'fixed', '--profile', 'docker-batch', '-n', '1', '-q'], { emulator: emu });
    const result = await run(['pool', 'update', uuid, '--elastic-min-slots', '2'], { emulator: emu });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('--elastic-min-slots (2) must not exceed maxTotalSlots (0) from the pool; give --elastic-max-slots too');
  });
});

describe('pool update / clone -f FILE: its scaling policies are checked before anything is sent, as create does', () => {
  it('a bad policy in the file: exit 2 naming it, for update and clone alike', async () => {
    const file = join(tempConfigDir(), 'scaling.yaml');
    writeFileSync(file, 'scaling:\n  policies:\n    - {type: Fixed, name: a, slotsCount: -1, enabledPeriods: [{type: Always}]}\n');
    const uuid = await runOk(['pool', 'create', '--name', 'checked', '--profile', 'docker-batch', '-n', '1', '-q'], { emulator: emu });
    for (const verb of ['update', 'clone', 'create']) {
      const result = await run(['pool', verb, ...(verb === 'create' ? ['--name', 'x', '--profile', 'docker-batch'] : [uuid]), '-f', file], { emulator: emu });
      expect(result.exitCode, `${verb}: ${result.stderr}`).toBe(2);
      expect(result.stderr, verb).toMatch(/-f .*scaling\.yaml: scaling\.policies\[0\]\.slotsCount: must be an integer >= 0, got -1/);
    }
  });
});

describe('secret delete of several keys', () => {
  it('a missing key does not stop the others: each key its line, exit 1 (3 when none was found)', async () => {
    for (const key of ['multi/a', 'multi/b']) await runOk(['secret', 'set', key], { emulator: emu, input: 'value-1234' });
    const some = await run(['secret', 'delete', 'multi/a', 'multi/missing', 'multi/b', '--yes'], { emulator: emu });
    expect(some.exitCode).toBe(1);
    expect(some.stdout).toMatch(/^multi\/missing\tfailed\tsecret "multi\/missing" not found/m);
    expect(await runOk(['secret', 'list', 'multi'], { emulator: emu })).toBe('');
    const none = await run(['secret', 'delete', 'multi/missing', 'multi/gone', '--yes'], { emulator: emu });
    expect(none.exitCode).toBe(3);
    expect(none.stderr).toContain('2 of 2 failed');
  });
});

describe('secret set at the hidden prompt', () => {
  it('a pasted value of several lines is refused (exit 2, nothing stored), not cut to its first line', async () => {
    const pasted = await run(['secret', 'set', 'tls/key'], { emulator: emu, tty: true, input: '-----BEGIN KEY-----\nc2VjcmV0LWJvZHk=\n-----END KEY-----\n' });
    expect(pasted.exitCode).toBe(2);
    expect(pasted.stderr).toContain('the pasted text has several lines');
    expect(pasted.stderr).not.toContain('BEGIN KEY');
    expect((await run(['secret', 'get', 'tls/key'], { emulator: emu })).exitCode).toBe(3);
    await runOk(['secret', 'set', 'tls/key'], { emulator: emu, tty: true, input: 'one-line-value\r\n' });
    // Read from the emulator: in this process the value set is now redacted from every output.
    expect((await emu.call<{ value: string }>('GET', '/secrets-manager/data/tls/key')).body.value).toBe('one-line-value');
  });

  it('Ctrl-D is never part of the value: after text it is ignored, on an empty line it ends the input', async () => {
    await runOk(['secret', 'set', 'eof/key'], { emulator: emu, tty: true, input: 'typed-value\u0004\r' });
    expect((await emu.call<{ value: string }>('GET', '/secrets-manager/data/eof/key')).body.value).toBe('typed-value');
    const empty = await run(['secret', 'set', 'eof/none'], { emulator: emu, tty: true, input: '\u0004' });
    expect(empty.exitCode).toBe(2);
    expect(empty.stderr).toContain('the secret value is empty');
  });
});

describe('close / delete / terminate given ids: the dry run and the question say what each id names', () => {
  it('--dry-run of a mistyped id: exit 3 and "not found", not "would delete 1 pool"', async () => {
    const result = await run(['pool', 'delete', 'no-such-pool', '--dry-run'], { emulator: emu });
    expect(result.exitCode).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('pool "no-such-pool" not found');
    expect(result.stderr).not.toContain('would delete');
  });

  it('--dry-run of a good id and a missing one: the good one with its name and state, exit 1', async () => {
    const uuid = await runOk(['pool', 'create', '--name', 'dry-target', '--profile', 'docker-batch', '-n', '1', '-q'], { emulator: emu });
    const result = await run(['pool', 'close', uuid.slice(0, 8), 'no-such-pool', '--dry-run'], { emulator: emu });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`^${uuid}\tdry-target\t\\w+$`));
    expect(result.stderr).toContain('Dry run: would close 1 pool');
    expect(result.stderr).toContain('pool "no-such-pool" not found');
  });

  it('the question shows the name of a job given by uuid, and is not asked for ids that name nothing', async () => {
    const uuid = await runOk(['job', 'create', '--name', 'asked-about', '-q'], { emulator: emu });
    const result = await run(['job', 'terminate', uuid], { emulator: emu, tty: true, input: 'n\n' });
    expect(result.stderr).toMatch(new RegExp(`${uuid}\\s+asked-about\\s+Active`));
    expect(result.stderr).toContain('Terminate 1 job? [y/N]');
    const none = await run(['job', 'terminate', 'no-such-job'], { emulator: emu, tty: true, input: 'y\n' });
    expect(none.exitCode).toBe(3);
    expect(none.stderr).not.toContain('[y/N]');
  });
});

describe('pool wait when the API stops answering midway (stderr not a terminal)', () => {
  it('says so on stderr at once, and the timeout does not claim the pool is "still" in its last seen state', async () => {
    const lost = await startEmulator();
    const { uuid } = (await lost.call<{ uuid: string }>('POST', '/pools', { name: 'lost', profile: 'docker-batch', instanceCount: 1 })).body;
    const io = testIO();
    const waiting = run(['pool', 'wait', uuid, '--state', 'Closed', '--timeout', '6s', '--interval', '100ms'], { emulator: lost, io });
    await waitFor(() => io.stderrText().includes('pool lost: '), { what: 'the first state line' });
    await lost.stop();
    const result = await waiting;
    expect(result.exitCode).toBe(124);
    expect(result.stderr).toMatch(/^pool lost: \w+ \(cannot reach the API/m);
    expect(result.stderr).toMatch(new RegExp(`pool ${uuid}: gave up after 6s; last seen \\w+, then: cannot reach the API`));
    expect(result.stderr).not.toContain('is still');
  });
});

// A real terminal (util-linux script), where readline reads Ctrl-C and Ctrl-D as bytes, not as SIGINT or end of file.
describe.runIf(outsideProgram('script', 'apt-get install util-linux', ['-V']))('the y/N question on a terminal', () => {
  async function answer(key: string) {
    const uuid = await runOk(['pool', 'create', '--name', 'asked', '--profile', 'docker-batch', '-n', '1', '-q'], { emulator: emu });
    const child = execa('script', ['-qec', `node ${BIN} pool delete ${uuid}`, '/dev/null'], {
      reject: false,
      env: { QARNOT_CONFIG_DIR: tempConfigDir(), QARNOT_CLUSTER_URL: emu.url, QARNOT_CLIENT_TOKEN: emu.token },
    });
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => void (seen += chunk.toString()));
    await waitFor(() => seen.includes('[y/N]'), { what: 'the question' });
    child.stdin!.write(key);
    const result = await child;
    expect((await emu.call('GET', `/pools/${uuid}`)).status).toBe(200);
    return { exitCode: result.exitCode, output: seen };
  }

  it('Ctrl-C exits 130, as everywhere else, not 1 with "unexpected error: Aborted with Ctrl+C"', async () => {
    const { exitCode, output } = await answer('\x03');
    expect(output).not.toContain('unexpected error');
    expect(exitCode).toBe(130);
  });

  it('Ctrl-D is no answer: the default, no (exit 0), not "unexpected error: Aborted with Ctrl+D"', async () => {
    const { exitCode, output } = await answer('\x04');
    expect(output).not.toContain('unexpected error');
    expect(exitCode).toBe(0);
  });
});

describe('a create given up on by --deadline while the server is still answering', () => {
  it('says it may have been created, so that a retry does not make a second one', async () => {
    const slow = await startEmulator(['--faults', 'latency:2500-2500ms']);
    try {
      const result = await run(['pool', 'create', '--name', 'slow', '--profile', 'docker-batch', '--deadline', '1s'], { emulator: slow });
      expect(result.exitCode).toBe(124);
      expect(result.stderr).toContain('it may have been created: check with "qarnot pool list" before trying again');
      const read = await run(['pool', 'list', '--deadline', '1s'], { emulator: slow });
      expect(read.exitCode).toBe(124);
      expect(read.stderr).not.toContain('may have been');
    } finally {
      await slow.stop();
    }
  });
});

describe('--fields on the views that are not API objects of a known schema', () => {
  it('a column name picks that column; an unknown field exits 2 naming what is valid, not blank lines and exit 0', async () => {
    await runOk(['secret', 'set', 'fields/one'], { emulator: emu, input: 'value-1234' });
    expect(await runOk(['secret', 'list', 'fields', '--fields', 'key'], { emulator: emu })).toBe('fields/one');
    expect(await runOk(['profile', 'list', '--fields', 'name'], { emulator: emu })).toMatch(/^docker-batch$/m);
    for (const args of [['project', 'budgets', 'research'], ['project', 'list'], ['secret', 'list'], ['profile', 'list']]) {
      const result = await run([...args, '--fields', 'nope'], { emulator: emu });
      expect(result.exitCode, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(/^error: --fields: unknown field "nope"( \(did you mean "\w+"\?\))?; give column names \([^)]+\)/);
      expect(result.stdout, args.join(' ')).toBe('');
    }
    expect(await runOk(['project', 'budgets', 'research', '--fields', 'alias,remainingAmountInCents', '--format', 'tsv'], { emulator: emu })).toMatch(/^research monthly\t\d+$/m);
  });
});

describe('pool update -f FILE --allow-unknown-fields', () => {
  it('sends the fields this version does not know, as the flag says, instead of dropping them', async () => {
    const file = join(tempConfigDir(), 'update.yaml');
    writeFileSync(file, 'futureSetting: 3\ntags: [kept]\n');
    const uuid = await runOk(['pool', 'create', '--name', 'future', '--profile', 'docker-batch', '-n', '1', '-q'], { emulator: emu });
    const body = JSON.parse(await runOk(['pool', 'update', uuid, '-f', file, '--allow-unknown-fields', '--dry-run'], { emulator: emu }));
    expect(body).toMatchObject({ futureSetting: 3, tags: ['kept'] });
  });
});

describe('a terminal that reports 0 columns (script, serial consoles)', () => {
  it('gets tables at their natural width, not every column cut to a few characters', async () => {
    const { tableWidth } = await import('../../src/output/io.js');
    expect(tableWidth(undefined, 0)).toBeUndefined();
    expect(tableWidth(undefined, 120)).toBe(120);
    expect(tableWidth('90', 0)).toBe(90);
  });
});

describe('a project named by a name two projects share', () => {
  it('is refused as ambiguous (exit 2), not the first one charged', async () => {
    const { findProject } = await import('../../src/api/services.js');
    const project = (uuid: string, slug: string, name: string) => ({ uuid, slug, name, organizationUuid: null, description: null, isDefault: false });
    const projects = [project('u1', 'team-a', 'Render'), project('u2', 'team-b', 'Render'), project('u3', 'solo', 'Solo')];
    expect(() => findProject(projects, 'Render')).toThrow('project name "Render" is ambiguous: 2 projects have it (slugs team-a, team-b); give the slug or uuid');
    expect(() => findProject(projects, 'render')).toThrow(/ambiguous/);
    expect(findProject(projects, 'team-b')?.uuid).toBe('u2');
    expect(findProject(projects, 'solo')?.uuid).toBe('u3');
    expect(findProject(projects, 'Solo')?.uuid).toBe('u3');
    expect(findProject(projects, 'none')).toBeUndefined();
  });
});

describe('secret delete --dry-run and the question', () => {
  it('say which keys do not exist instead of "would delete" them: exit 3 when none does, 1 when some do not', async () => {
    await runOk(['secret', 'set', 'dry/kept'], { emulator: emu, input: 'value-1234' });
    const none = await run(['secret', 'delete', 'dry/typo', '--dry-run'], { emulator: emu });
    expect(none.exitCode).toBe(3);
    expect(none.stderr).toContain('secret "dry/typo" not found');
    expect(none.stderr).not.toContain('would delete');
    const some = await run(['secret', 'delete', 'dry/kept', 'dry/typo', 'nofolder/x', '--dry-run'], { emulator: emu });
    expect(some.exitCode).toBe(1);
    expect(some.stdout).toBe('dry/kept');
    expect(some.stderr).toContain('Dry run: would delete 1 secret');
    expect(some.stderr).toContain('secret "nofolder/x" not found');
    expect(await runOk(['secret', 'list', 'dry'], { emulator: emu })).toBe('dry/kept');
  });
});

describe('pool create --secret KEY', () => {
  it('spells the key as secret set stores it: outer slashes dropped, repeats once', async () => {
    const body = JSON.parse(await runOk(['pool', 'create', '--name', 's', '--profile', 'docker-batch', '--secret', '/db/pass/', '--secret', 'db/pass', '--dry-run'], { emulator: emu }));
    expect(body.secretsAccessRights.bySecret).toEqual([{ key: 'db/pass' }]);
  });
});

describe('secret set --no-overwrite when answers are lost (the server acted, then the connection reset)', () => {
  it('a new key is created and said so, never "already exists" because of its own first attempt', async () => {
    const flaky = await startEmulator(['--faults', 'reset-after:0.5,seed:3']);
    try {
      for (let i = 0; i < 8; i++) {
        const result = await run(['secret', 'set', `lost/k${i}`, '--no-overwrite'], { emulator: flaky, input: 'value-1234' });
        expect(result.stderr).not.toContain('already exists');
        expect(result.exitCode, result.stderr).toBe(0);
      }
    } finally {
      await flaky.stop();
    }
  });
});
