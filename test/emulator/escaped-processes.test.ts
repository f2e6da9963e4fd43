import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markerIn } from '../../src/emulator/escapees.js';
import { running } from './proc.js';
import { docker, start, waitFor, waitTaskFinal, type Api } from './helpers.js';

// Issue 16 #11: processes that leave the instance's process group are still the instance's.

/** A `setsid` child holding the output pipe, a double-forked `setsid` daemon, a plain double fork. */
const ESCAPE =
  "setsid sh -c 'echo $$ > setsid.pid; exec sleep 1000' & " +
  "(setsid sh -c 'sleep 1000 & echo $! > daemon.pid; wait' </dev/null >/dev/null 2>&1 &); " +
  "(sh -c 'sleep 1000 & echo $! > double.pid' &); ";
const PID_FILES = ['setsid.pid', 'daemon.pid', 'double.pid'];
const ALL_WRITTEN = PID_FILES.map((f) => `[ -s ${f} ]`).join(' && ');

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function withEmulator(): Promise<{ api: Api; pidsOf: (uuid: string) => Promise<number[]> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'emu-escape-'));
  dirs.push(dataDir);
  const api = await start({ dataDir });
  const pidsOf = (uuid: string) => {
    const read = (f: string) => (existsSync(join(dataDir, 'work', 'tasks', uuid, '0', f)) ? readFileSync(join(dataDir, 'work', 'tasks', uuid, '0', f), 'utf8').trim() : '');
    return waitFor(() => (PID_FILES.every((f) => read(f)) ? PID_FILES.map((f) => Number(read(f))) : null), 10_000, 'the escaped processes to write their pids');
  };
  return { api, pidsOf };
}

async function expectGone(pids: number[]): Promise<void> {
  try {
    await waitFor(() => pids.every((p) => !running(p)), 5_000, `processes ${pids.join(', ')} to be killed`);
  } finally {
    for (const p of pids.filter(running)) process.kill(p, 'SIGKILL');
  }
}

describe.skipIf(!existsSync('/proc/self/environ'))('processes that leave the instance process group', () => {
  let shared: Awaited<ReturnType<typeof withEmulator>>;
  beforeAll(async () => {
    shared = await withEmulator();
  });
  afterAll(() => shared?.api.stop());

  it('abort kills them and the task reaches Cancelled', async () => {
    const { api, pidsOf } = shared;
    const uuid = await api.task(docker(`${ESCAPE} exec sleep 1000`));
    const pids = await pidsOf(uuid);
    expect(pids.every(running)).toBe(true);
    expect((await api.call('POST', `/tasks/${uuid}/abort`)).status).toBe(200);
    await expectGone(pids);
    expect((await waitTaskFinal(api, uuid)).state).toBe('Cancelled');
  }, 30_000);

  it('the end of the command kills them and the task succeeds', async () => {
    const { api, pidsOf } = shared;
    const uuid = await api.task(docker(`${ESCAPE} until ${ALL_WRITTEN}; do sleep 0.05; done`));
    await expectGone(await pidsOf(uuid));
    expect((await waitTaskFinal(api, uuid)).state).toBe('Success');
  }, 30_000);

  it('stopping the emulator kills them', async () => {
    const { api, pidsOf } = await withEmulator();
    const uuid = await api.task(docker(`${ESCAPE} exec sleep 1000`));
    const pids = await pidsOf(uuid);
    await api.stop();
    await expectGone(pids);
  }, 30_000);
});

describe('markerIn', () => {
  const environ = (...entries: string[]) => Buffer.from(entries.map((e) => `${e}\0`).join(''));
  it('reads the whole entry, first or not, and ignores names that only end like it', () => {
    expect(markerIn(environ('QARNOT_EMULATOR_INSTANCE=abc', 'PATH=/bin'))).toBe('abc');
    expect(markerIn(environ('XQARNOT_EMULATOR_INSTANCE=no', 'A=1', 'QARNOT_EMULATOR_INSTANCE=def'))).toBe('def');
    expect(markerIn(environ('PATH=/bin'))).toBeNull();
  });
});
