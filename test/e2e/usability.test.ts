// What a new user trips over (issue 18): each case against the built binary and the emulator.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliOk, tempConfigDir } from '../helpers/cli.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';
import { waitFor } from '../helpers/wait.js';

let emu: TestEmulator;
let running: string;
let finished: string;

const taskState = async (uuid: string) => (await emu.call<{ state: string }>('GET', `/tasks/${uuid}`)).body.state;

beforeAll(async () => {
  emu = await startEmulator();
  running = (await emu.call<{ uuid: string }>('POST', '/tasks', { name: 'sleeper', shortname: 'sleeper', profile: 'docker-batch', instanceCount: 1, constants: [{ key: 'DOCKER_CMD', value: 'sleep 600' }] })).body.uuid;
  finished = (await emu.call<{ uuid: string }>('POST', '/tasks', { name: 'quick', shortname: 'quick', profile: 'docker-batch', instanceCount: 1, constants: [{ key: 'DOCKER_CMD', value: 'true' }] })).body.uuid;
  await waitFor(async () => (await taskState(finished)) === 'Success', { timeout: 30_000, what: 'the quick task to succeed' });
});

afterAll(async () => {
  await emu?.stop();
});

describe('show when piped', () => {
  it('prints nothing for the API\'s "not yet" end date; --json keeps the API\'s value', async () => {
    const tsv = await cliOk(['task', 'show', running], { emulator: emu });
    expect(tsv).toMatch(/^ended\t$/m);
    expect(tsv).not.toContain('0001-01-01');
    const json = JSON.parse(await cliOk(['task', 'show', running, '--json'], { emulator: emu })) as { endDate: unknown };
    expect(json.endDate === null || String(json.endDate).startsWith('0001-01-01')).toBe(true);
    const pool = (await emu.call<{ uuid: string }>('POST', '/pools', { name: 'open', profile: 'docker-batch', instanceCount: 1 })).body.uuid;
    expect(await cliOk(['pool', 'show', pool], { emulator: emu })).not.toContain('0001-01-01');
  });
});

describe('exit codes of refusals', () => {
  it('a refusal about the object (403) exits 1, not 4; job delete says to use --force', async () => {
    const snapshot = await cli(['task', 'snapshot', finished], { emulator: emu });
    expect(snapshot.exitCode, snapshot.stderr).toBe(1);
    const job = (await emu.call<{ uuid: string }>('POST', '/jobs', { name: 'busy' })).body.uuid;
    await emu.call('POST', '/tasks', { name: 'in-job', jobUuid: job, profile: 'docker-batch', instanceCount: 1 });
    const deleted = await cli(['job', 'delete', job, '--yes'], { emulator: emu });
    expect(deleted.exitCode).toBe(1);
    expect(deleted.stdout + deleted.stderr).toContain('use --force');
    expect(deleted.stdout + deleted.stderr).not.toContain('?force=true');
  });

  it('a wrong token still exits 4', async () => {
    expect((await cli(['task', 'list'], { env: { QARNOT_CLUSTER_URL: emu.url, QARNOT_CLIENT_TOKEN: 'wrong-token' } })).exitCode).toBe(4);
  });
});

describe('--fields', () => {
  it('takes JSON paths in any case and column names', async () => {
    expect(await cliOk(['task', 'show', 'quick', '--fields', 'Name,STATUS.executionProgress'], { emulator: emu })).toBe('name\tquick\nstatus.executionprogress\t100');
    const json = JSON.parse(await cliOk(['task', 'list', '--json', '--fields', 'shortname,created', '--where', 'name = quick'], { emulator: emu })) as Record<string, unknown>[];
    expect(json[0]).toMatchObject({ shortname: 'quick' });
    expect(typeof json[0]!.created).toBe('string');
  });

  it('refuses an unknown name with exit 2, listing the valid ones', async () => {
    const bad = await cli(['task', 'list', '--fields', 'name,stat'], { emulator: emu });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/--fields: unknown field "stat" \(did you mean "state"\?\); give column names \(uuid, name, .*\) or JSON fields/);
    expect((await cli(['pool', 'list', '--fields', 'UUID,nope.deeper'], { emulator: emu })).exitCode).toBe(2);
  });
});

describe('help and labels', () => {
  it('only task create promises arrays in -f; pool stdout has the shared-cursor warning, --timestamps and --timeout', async () => {
    expect(await cliOk(['task', 'create', '--help'])).toMatch(/an array of them/);
    for (const verb of ['clone', 'retry', 'recover', 'resume', 'run']) expect(await cliOk(['task', verb, '--help']), verb).not.toMatch(/array/);
    const help = await cliOk(['pool', 'stdout', '--help']);
    expect(help).toMatch(/shared with every other\s+reader of the pool/);
    expect(help).toContain('--timestamps');
    expect(help).toContain('--timeout <duration>');
  });

  it('pool stdout -f honours --timeout (exit 124); --timestamps needs -f', async () => {
    const pool = (await emu.call<{ uuid: string }>('POST', '/pools', { name: 'quiet', profile: 'docker-batch', instanceCount: 1 })).body.uuid;
    expect((await cli(['pool', 'stdout', pool, '-f', '--timestamps', '--timeout', '1s'], { emulator: emu })).exitCode).toBe(124);
    expect((await cli(['pool', 'stdout', pool, '--timestamps'], { emulator: emu })).stderr).toContain('--timestamps needs -f');
  });

  it('show labels instance ranges as instances, max wall time in words; pool show has constants, labels and elastic settings', async () => {
    const table = { NO_COLOR: '1' };
    expect(await cliOk(['task', 'show', 'quick', '--format', 'table'], { emulator: emu, env: table })).toMatch(/Succeeded: +instances 0\n/);
    const job = (await emu.call<{ uuid: string }>('POST', '/jobs', { name: 'timed', maxWallTime: '02:00:00' })).body.uuid;
    expect(await cliOk(['job', 'show', job, '--format', 'table'], { emulator: emu, env: table })).toMatch(/Max wall time: +02:00:00/);
    const pool = (
      await emu.call<{ uuid: string }>('POST', '/pools', {
        name: 'described',
        profile: 'docker-batch',
        instanceCount: 1,
        constants: [{ key: 'SCENE', value: 'a.blend' }],
        labels: { team: 'render' },
        elasticProperty: { isElastic: true, minTotalSlots: 0, maxTotalSlots: 4, minIdleSlots: 1, minIdleTimeSeconds: 90 },
      })
    ).body.uuid;
    const shown = await cliOk(['pool', 'show', pool], { emulator: emu });
    expect(shown).toContain('constants\tSCENE=a.blend');
    expect(shown).toContain('labels\tteam=render');
    expect(shown).toContain('elastic\tslots 0-4, idle 1 for 90s');
  });

  it('settings print no "null"; counts agree with their noun', async () => {
    expect(await cliOk(['settings'], { emulator: emu })).not.toMatch(/\bnull\b/);
    expect((await cli(['task', 'delete', 'quick', '--dry-run'], { emulator: emu })).stderr).toMatch(/would delete 1 task$/);
  });
});

describe('login', () => {
  it('stores the URL it checked the token against, from QARNOT_CLUSTER_URL too, and says so', async () => {
    const configDir = tempConfigDir();
    const login = await cli(['login', '--with-token'], { configDir, input: emu.token, env: { QARNOT_CLUSTER_URL: emu.url } });
    expect(login.exitCode, login.stderr).toBe(0);
    expect(login.stderr).toContain(`Logged in to ${emu.url} (from QARNOT_CLUSTER_URL)`);
    // Without the variable, the stored context reaches the same server.
    expect((await cli(['task', 'list', '-q'], { configDir })).exitCode).toBe(0);
    expect((await cliOk(['config', 'get', 'api-url'], { configDir })).trim()).toBe(emu.url);
  });

  it('refuses a server that is not the Compute API, and prints an HTML error page as one line', async () => {
    let answer200 = true;
    const server = createServer((_req, res) => {
      if (answer200) {
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>It works!</body></html>');
      } else {
        res.writeHead(502, { 'content-type': 'text/html' }).end('<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<h1>Bad Gateway</h1>\n</body>\n</html>\n');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const configDir = tempConfigDir();
      const any200 = await cli(['login', '--with-token', '--api-url', url], { configDir, input: 'some-token-value' });
      expect(any200.exitCode).toBe(1);
      expect(any200.stderr).toContain("does not answer as Qarnot's Compute API");
      answer200 = false;
      const login = await cli(['login', '--with-token', '--api-url', url], { configDir, input: 'some-token-value' });
      expect(login.exitCode).toBe(1);
      expect(login.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(login.stderr).toContain('502 Bad Gateway');
      expect(login.stderr).not.toContain('<');
      expect((await cli(['config', 'get', 'api-url'], { configDir })).stdout).not.toContain(url);
    } finally {
      server.close();
    }
  });
});

describe('shortnames where the API takes uuids', () => {
  it('are resolved before sending: task --pool, --job, --depends-on; job create --pool; unknown exits 3 and creates nothing', async () => {
    const pool = (await emu.call<{ uuid: string }>('POST', '/pools', { name: 'p one', shortname: 'p-one', profile: 'docker-batch', instanceCount: 1 })).body.uuid;
    const job = (await cliOk(['job', 'create', '--name', 'j', '--shortname', 'j-one', '--pool', 'p-one', '--use-dependencies'], { emulator: emu })).trim();
    expect((await emu.call<{ poolUuid: string }>('GET', `/jobs/${job}`)).body.poolUuid).toBe(pool);
    const task = (await cliOk(['task', 'create', '--name', 't', '--job', 'j-one', '--depends-on', 'quick'], { emulator: emu })).trim();
    const created = (await emu.call<{ jobUuid: string; dependencies: { dependsOn: string[] } }>('GET', `/tasks/${task}`)).body;
    expect(created.jobUuid).toBe(job);
    expect(created.dependencies.dependsOn).toEqual([finished]);
    const inPool = (await cliOk(['task', 'create', '--name', 'in-pool', '--pool', 'p-one'], { emulator: emu })).trim();
    expect((await emu.call<{ poolUuid: string }>('GET', `/tasks/${inPool}`)).body.poolUuid).toBe(pool);
    await emu.resetCounters();
    const missing = await cli(['task', 'create', '--name', 'x', '--pool', 'no-such-pool'], { emulator: emu });
    expect(missing.exitCode).toBe(3);
    expect((await emu.requests()).byRoute).not.toHaveProperty('POST /tasks');
  });
});

describe('pool update and clone', () => {
  it('--no-elastic turns elasticity off; -f sets fields flags cannot, checked like any -f file', async () => {
    const elastic = { isElastic: true, minTotalSlots: 0, maxTotalSlots: 4, minIdleSlots: 0, minIdleTimeSeconds: 90 };
    const pool = (await emu.call<{ uuid: string }>('POST', '/pools', { name: 'el', profile: 'docker-batch', instanceCount: 1, elasticProperty: elastic })).body.uuid;
    const off = JSON.parse(await cliOk(['pool', 'update', pool, '--no-elastic', '--dry-run'], { emulator: emu })) as { elasticProperty: { isElastic: boolean } };
    expect(off.elasticProperty.isElastic).toBe(false);
    expect((await cli(['pool', 'update', pool, '--no-elastic', '--elastic-max-slots', '3'], { emulator: emu })).exitCode).toBe(2);
    const clone = JSON.parse(await cliOk(['pool', 'clone', pool, '--no-elastic', '--dry-run'], { emulator: emu })) as { elasticProperty: { isElastic: boolean } };
    expect(clone.elasticProperty.isElastic).toBe(false);

    const dir = mkdtempSync(join(tmpdir(), 'qarnot-pool-file-'));
    writeFileSync(join(dir, 'clone.yaml'), 'forcedConstants:\n  - constantName: MODE\n    forcedValue: safe\ndefaultResourcesCacheTTLSec: 60\n');
    const cloned = JSON.parse(await cliOk(['pool', 'clone', pool, '-f', join(dir, 'clone.yaml'), '--name', 'copy', '--dry-run'], { emulator: emu })) as Record<string, unknown>;
    expect(cloned).toMatchObject({ name: 'copy', defaultResourcesCacheTTLSec: 60, forcedConstants: [{ constantName: 'MODE', forcedValue: 'safe' }] });
    writeFileSync(join(dir, 'update.yaml'), 'tags: [from-file]\nconstants:\n  - key: A\n    value: "1"\n');
    const updated = JSON.parse(await cliOk(['pool', 'update', pool, '-f', join(dir, 'update.yaml'), '--tag', 'flag', '--dry-run'], { emulator: emu })) as Record<string, unknown>;
    expect(updated).toMatchObject({ tags: ['from-file', 'flag'], constants: [{ key: 'A', value: '1' }] });
    writeFileSync(join(dir, 'bad.yaml'), 'forcedConstants: []\n');
    const bad = await cli(['pool', 'update', pool, '-f', join(dir, 'bad.yaml')], { emulator: emu });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('unknown field "forcedConstants"');
  });
});
