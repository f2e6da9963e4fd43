import { writeFileSync, mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliOk } from '../helpers/cli.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';
import { waitFor } from '../helpers/wait.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const dir = mkdtempSync(join(tmpdir(), 'qarnot-api-services-'));
const PUBLIC_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHx0Jd3m2tGmZ9fN5nqTq2l4f6n2YyU2c3G4pQe9mKq0 test@qarnot';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu?.stop();
});

const json = async (args: string[], input?: string): Promise<Json> => JSON.parse(await cliOk([...args, '--json'], { emulator: emu, input }));
const run = async (cmd: string, extra: string[] = []) =>
  (await cliOk(['task', 'create', '--name', 't', '--profile', 'docker-batch', '-c', `DOCKER_CMD=${cmd}`, ...extra], { emulator: emu })).trim();
const wait = (uuid: string) => cli(['task', 'wait', uuid, '--interval', '100ms'], { emulator: emu });

describe('account, projects and budgets', () => {
  it('shows quota usage (user and organization) and credits', async () => {
    const tsv = await cliOk(['account'], { emulator: emu });
    expect(tsv).toMatch(/^flex\t0 \/ 2048 instances, 0 \/ 32768 cores$/m);
    expect(tsv).toMatch(/^org flex\t/m);
    const quotas = (await json(['account', 'quotas'])) as unknown as Json[];
    expect(quotas.map((q) => `${q.scope}:${q.scheduling}`)).toEqual(['user:flex', 'user:onDemand', 'organization:flex', 'organization:onDemand']);
    expect(quotas[0]).toMatchObject({ runningInstances: 0, maxInstances: 2048, maxCores: 32768 });
    expect((await json(['account', 'credits'])).credits).toBeTypeOf('number');
  });

  it('lists projects from /info, shows one by slug or name, lists its budgets (--active)', async () => {
    const projects = (await json(['project', 'list'])) as unknown as Json[];
    expect(projects.map((p) => p.slug)).toEqual(['default', 'research']);
    expect((await json(['project', 'show', 'Research'])).uuid).toBe(projects[1]!.uuid);
    const all = (await json(['project', 'budgets', 'default'])) as unknown as Json[];
    const active = (await json(['project', 'budgets', projects[0]!.uuid, '--active'])) as unknown as Json[];
    expect(all).toHaveLength(2);
    expect(active.map((b) => b.isArchived)).toEqual([false]);
    expect(await cliOk(['project', 'budgets', 'research', '--active'], { emulator: emu })).toMatch(/^research monthly\t0\.00 €\t200\.00 €/m);
    const missing = await cli(['project', 'show', 'nope'], { emulator: emu });
    expect(missing.exitCode).toBe(3);
    expect(missing.stderr).toContain('project "nope" not found');
    expect((await cli(['project', 'budgets', '00000000-0000-4000-8000-000000000000'], { emulator: emu })).exitCode).toBe(3);
  });

  it('--project on create takes a slug and sends its uuid', async () => {
    const research = ((await json(['project', 'list'])) as unknown as Json[])[1]!;
    const uuid = await run('true', ['--project', 'research']);
    expect((await emu.call<Json>('GET', `/tasks/${uuid}`)).body.projectUuid).toBe(research.uuid);
    const pool = (await cliOk(['pool', 'create', '--name', 'p', '--profile', 'docker-batch', '--project', research.uuid, '--slots-per-node', '3'], { emulator: emu })).trim();
    expect((await emu.call<Json>('GET', `/pools/${pool}`)).body).toMatchObject({ projectUuid: research.uuid, multiSlotsSettings: { slotsPerNode: 3 } });
    await cliOk(['pool', 'delete', pool, '--yes'], { emulator: emu });
  });
});

describe('carbon facts and credits', () => {
  it('task and pool: a readable view, --json with every figure, --datacenter', async () => {
    const uuid = await run('sleep 0.2');
    expect((await wait(uuid)).exitCode).toBe(0);
    const view = await cliOk(['task', 'carbon', uuid], { emulator: emu });
    for (const row of ['energy', 'footprint', 'compared with', 'saved', 'pue', 'ere', 'erf', 'wue']) expect(view).toMatch(new RegExp(`^${row}\\t`, 'm'));
    expect(view).toContain('Common European Datacenter');
    const facts = await json(['task', 'carbon', uuid, '--datacenter', 'french_dc']);
    expect(facts.comparisonDataCenterName).toBe('Common French Datacenter');
    expect(facts.totalEnergyITWh).toBeGreaterThan(0);
    expect((await json(['task', 'credits', uuid])).credits).toBeGreaterThan(0);
    const unknown = await cli(['task', 'carbon', uuid, '--datacenter', 'moon'], { emulator: emu });
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toContain('Unknown comparison datacenter');
    expect((await cli(['task', 'carbon', '00000000-0000-4000-8000-000000000000'], { emulator: emu })).exitCode).toBe(3);
    const pool = (await cliOk(['pool', 'create', '--name', 'cp', '--profile', 'docker-batch'], { emulator: emu })).trim();
    expect((await json(['pool', 'carbon', pool])).totalConsumedEnergyWh).toBe(0);
    expect((await json(['pool', 'credits', pool])).credits).toBe(0);
    await cliOk(['pool', 'delete', pool, '--yes'], { emulator: emu });
  });
});

describe('secrets', () => {
  it('set from stdin, get, list, --no-overwrite, delete; values never in --verbose', async () => {
    const set = await cli(['--verbose', 'secret', 'set', 'app/db/password'], { emulator: emu, input: 'hunter2-value\n' });
    expect(set.exitCode, set.stderr).toBe(0);
    expect(set.stderr).toContain('Created secret app/db/password');
    expect(set.stderr).toContain('PUT /secrets-manager/data/app/db/password');
    expect(set.stdout + set.stderr).not.toContain('hunter2-value');
    await cliOk(['secret', 'set', 'app/token'], { emulator: emu, input: 'tok' });
    expect(await cliOk(['secret', 'get', 'app/db/password'], { emulator: emu })).toBe('hunter2-value');
    expect(await cliOk(['secret', 'list', 'app'], { emulator: emu })).toBe('app/db/\napp/token');
    expect(await json(['secret', 'list', '-r'])).toEqual(['app/db/password', 'app/token']);
    const again = await cli(['secret', 'set', 'app/token', '--no-overwrite'], { emulator: emu, input: 'other' });
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect((await cli(['secret', 'set', 'app/token'], { emulator: emu, input: 'tok2' })).stderr).toContain('Updated secret app/token');
    expect(await cliOk(['secret', 'get', 'app/token'], { emulator: emu })).toBe('tok2');
    const refused = await cli(['secret', 'delete', 'app/token'], { emulator: emu });
    expect(refused.exitCode).toBe(2);
    await cliOk(['secret', 'delete', 'app/token', '--yes'], { emulator: emu });
    expect((await cli(['secret', 'get', 'app/token'], { emulator: emu })).exitCode).toBe(3);
    expect((await cli(['secret', 'delete', 'app/token', '--yes'], { emulator: emu })).exitCode).toBe(3);
  });

  it('--secret / --secret-prefix give the instances the values in their environment', async () => {
    await cliOk(['secret', 'set', 'svc/key'], { emulator: emu, input: 'K1' });
    const uuid = await run('echo "[$QARNOT_SECRET__svc_key][$QARNOT_SECRET__app_db_password]"', ['--secret', 'svc/key']);
    expect((await wait(uuid)).exitCode).toBe(0);
    expect(await cliOk(['task', 'stdout', uuid], { emulator: emu })).toContain('[K1][]');
    const task = await json(['task', 'show', uuid]);
    expect(task.secretsAccessRights).toEqual({ bySecret: [{ key: 'svc/key' }], byPrefix: [] });
  });
});

describe('port forwards and ssh', () => {
  it('a server the instance starts on QARNOT_FORWARD_PORT_8080 is reachable at what "task forwards" prints', async () => {
    const server = `node -e "require('net').createServer(s=>s.end('hi from '+process.env.INSTANCE_ID)).listen(+process.env.QARNOT_FORWARD_PORT_8080,'127.0.0.1')"`;
    const keyFile = join(dir, 'id.pub');
    writeFileSync(keyFile, `${PUBLIC_KEY}\n`);
    const uuid = await run(server, ['--forward', '8080:http', '--ssh-key', keyFile]);
    const rows = await waitFor(async () => {
      const list = (await json(['task', 'forwards', uuid])) as unknown as Json[];
      return list.length === 2 ? list : null;
    }, { timeout: 15_000, what: 'two forwards' });
    expect(rows.map((r) => r.applicationPort)).toEqual([22, 8080]);
    const web = rows.find((r) => r.applicationPort === 8080)!;
    const reply = await waitFor(
      () =>
        new Promise<string>((resolve) => {
          let data = '';
          const socket = connect(web.forwarderPort, web.forwarderHost);
          socket.on('data', (d) => (data += d.toString()));
          socket.on('end', () => resolve(data));
          socket.on('error', () => resolve(''));
        }),
      { timeout: 10_000, what: 'the server to answer' },
    );
    expect(reply).toBe('hi from 0');
    const task = await json(['task', 'show', uuid]);
    expect(task.constants).toContainEqual({ key: 'DOCKER_SSH', value: PUBLIC_KEY });
    expect(task.forcedNetworkRules.map((r: Json) => [r.port, r.applicationType])).toEqual([['8080', 'http'], ['22', 'ssh']]);

    const ssh = rows.find((r) => r.applicationPort === 22)!;
    const printed = await cliOk(['task', 'ssh', uuid, '--print', '--user', 'me', '--', '-i', '/k ey', '-L', '8888:localhost:8888'], { emulator: emu });
    expect(printed).toBe(`ssh -p ${ssh.forwarderPort} -i '/k ey' -L 8888:localhost:8888 me@${ssh.forwarderHost}`);
    // The real exec path, with a stand-in for ssh that prints what it was given.
    const exec = await cli(['task', 'ssh', uuid, '--instance', '0'], { emulator: emu, env: { QARNOT_SSH: 'echo' } });
    expect(exec.exitCode).toBe(0);
    expect(exec.stdout).toBe(`-p ${ssh.forwarderPort} root@${ssh.forwarderHost}`);
    await cliOk(['task', 'abort', uuid, '--yes'], { emulator: emu });
    const ended = await cli(['task', 'ssh', uuid, '--print'], { emulator: emu });
    expect(ended.exitCode).toBe(1);
    expect(ended.stderr).toMatch(/no running instance forwards port 22/);
  });
});

describe('task ssh waits', () => {
  it('until an instance runs with port 22 forwarded, then gives the command for that forward', async () => {
    const keyFile = join(dir, 'wait.pub');
    writeFileSync(keyFile, `${PUBLIC_KEY}\n`);
    const uuid = await run('sleep 5', ['--ssh-key', keyFile]);
    const printed = await cliOk(['task', 'ssh', uuid, '--print'], { emulator: emu });
    const port = /^ssh -p (\d+) root@127\.0\.0\.1$/.exec(printed)?.[1];
    expect(port, printed).toBeDefined();
    const forwards = (await json(['task', 'forwards', uuid])) as unknown as Json[];
    expect(forwards).toContainEqual(expect.objectContaining({ applicationPort: 22, forwarderPort: Number(port) }));
    await cliOk(['task', 'abort', uuid, '--yes'], { emulator: emu });
  });
});

describe('advanced dependencies', () => {
  it('--after releases a dependent on the final state it names, and cancels the others', async () => {
    const first = await run('exit 2');
    const onFailure = await run('true', ['--after', `${first}:failure`]);
    const onSuccess = await run('true', ['--after', `${first}:success,cancelled`]);
    expect((await wait(onFailure)).exitCode).toBe(0);
    expect((await wait(onSuccess)).exitCode).toBe(1);
    const ran = await json(['task', 'show', onFailure]);
    expect(ran.dependencies).toMatchObject({ state: 'dependencyConditionsFulfilled', advancedDependsOn: [{ taskUuid: first, taskFinalStateCondition: ['failure'], actualFinalState: 'failure' }] });
    expect((await json(['task', 'show', onSuccess])).dependencies.state).toBe('dependencyConditionsNotFulfilled');
  });
});

describe('bad input: exit 2, one line naming the flag, nothing sent', () => {
  const cases: [string[], RegExp][] = [
    [['task', 'create', '--name', 'x', '--profile', 'docker-batch', '--after', 'abc'], /--after must be TASK:STATE/],
    [['task', 'create', '--name', 'x', '--profile', 'docker-batch', '--after', 'abc:done'], /--after/],
    [['task', 'create', '--name', 'x', '--profile', 'docker-batch', '--forward', '70000'], /--forward/],
    [['task', 'create', '--name', 'x', '--profile', 'docker-batch', '--ssh-key', '/nonexistent/key.pub'], /--ssh-key: cannot read/],
    [['task', 'create', '--name', 'x', '--profile', 'docker-batch', '--max-queue-time', 'later'], /--max-queue-time/],
    [['task', 'create', '--name', 'x', '--profile', 'docker-batch', '--reservation', 'r', '--scheduling', 'flex'], /--reservation needs --scheduling reserved/],
    [['task', 'create', '--name', 'x', '--profile', 'docker-batch', '--secret', ''], /--secret needs a value/],
    [['pool', 'create', '--name', 'x', '--profile', 'docker-batch', '--slots-per-node', '0'], /--slots-per-node/],
    [['task', 'carbon', 'x', '--datacenter', 'a/b'], /--datacenter/],
    [['pool', 'credits', 'not valid!'], /ID must be a uuid or a shortname/],
    [['task', 'ssh', 'x', '--port', '0'], /--port/],
    [['task', 'ssh', 'x', '--user', 'a b'], /--user/],
    [['secret', 'get', 'a//b'], /KEY must be a secret key/],
    [['secret', 'set', 'x', 'value-on-argv'], /too many arguments|unknown|excess/i],
    [['secret', 'list', '../up'], /PREFIX must be a secret key/],
    [['account', 'bills'], /SECTION must be one of quotas, credits/],
  ];
  it.each(cases)('qarnot %j', async (args, message) => {
    await emu.resetCounters();
    const result = await cli(args, { emulator: emu, input: 'v' });
    expect(result.exitCode, result.stderr).toBe(2);
    expect(result.stderr).toMatch(message);
    expect((await emu.requests()).total).toBe(0);
  });

  it('a secret value is refused when empty; a private key is refused for --ssh-key', async () => {
    expect((await cli(['secret', 'set', 'k'], { emulator: emu, input: '\n' })).exitCode).toBe(2);
    const priv = join(dir, 'id');
    writeFileSync(priv, '-----BEGIN OPENSSH PRIVATE KEY-----\nxx\n-----END OPENSSH PRIVATE KEY-----\n');
    const r = await cli(['task', 'create', '--name', 'x', '--profile', 'docker-batch', '--ssh-key', priv], { emulator: emu });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('is a private key');
  });
});
