import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';
import { serverTasksByName } from '../helpers/faults.js';

/** Lines of stderr that look like a JavaScript stack frame. */
const STACK_FRAME = /^\s+at .+[(:]\d+/m;

const CREATE_FAULTS = '503:0.08,429:0.08,reset:0.05,reset-after:0.05,latency:0-20ms,seed:42';
const CREATE_CALLS = 200;
const PARALLEL = 8;
/** What the CLI says when a create may or may not have reached the server. */
const MAYBE_CREATED = /may have been received: check with "qarnot task list" before trying again/;

describe('200 task create calls under faults', () => {
  let emu: TestEmulator;

  beforeAll(async () => {
    emu = await startEmulator(['--faults', CREATE_FAULTS], { speed: 1000 });
  });

  afterAll(async () => {
    await emu?.stop();
  });

  it('never creates a duplicate; every exit-0 call created exactly one task; failures are one clear line', async () => {
    const results: { exitCode: number; stdout: string; stderr: string }[] = new Array(CREATE_CALLS);
    let next = 0;
    const worker = async () => {
      while (next < CREATE_CALLS) {
        const i = next++;
        results[i] = await cli(
          ['task', 'create', '--name', `create-${i}`, '--profile', 'docker-batch', '-n', '1', '--tag', 'faults-create', '-c', 'DOCKER_CMD=true'],
          { emulator: emu },
        );
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));

    // The server's truth, read without faults getting in the way of the count.
    const onServer = await serverTasksByName(emu, 'faults-create');
    const names = onServer.map((t) => t.name);
    expect(new Set(names).size, 'a task was created twice').toBe(names.length);

    let ok = 0;
    let maybe = 0;
    let maybeCreated = 0;
    for (let i = 0; i < CREATE_CALLS; i++) {
      const r = results[i]!;
      const mine = onServer.filter((t) => t.name === `create-${i}`);
      expect(r.stderr, `call ${i} printed a stack trace`).not.toMatch(STACK_FRAME);
      if (r.exitCode === 0) {
        ok++;
        // Exactly one task, and it is the one whose uuid was printed.
        expect(mine.map((t) => t.uuid)).toEqual([r.stdout.trim()]);
        continue;
      }
      expect(r.exitCode, `call ${i}: ${r.stderr}`).toBe(1);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trim().split('\n');
      expect(lines, `call ${i} should fail with one line`).toHaveLength(1);
      expect(lines[0]).toMatch(/^error: /);
      if (MAYBE_CREATED.test(r.stderr)) {
        // The connection broke after sending: the CLI cannot know, and says so.
        maybe++;
        maybeCreated += mine.length;
        expect(mine.length).toBeLessThanOrEqual(1);
      } else {
        // Refused before processing (503 ...): nothing was created.
        expect(mine, `call ${i} failed with "${lines[0]}" but created a task`).toHaveLength(0);
      }
    }
    expect(onServer.length).toBe(ok + maybeCreated);
    // The run did exercise every path: successes, refusals and unknown outcomes.
    expect(ok).toBeGreaterThan(CREATE_CALLS / 2);
    expect(maybe).toBeGreaterThan(0);
    expect(ok + maybe).toBeLessThan(CREATE_CALLS);
    // 429s are retried after Retry-After: some calls succeeded only thanks to that.
    const counts = await emu.requests();
    expect(counts.byRoute['POST /tasks']).toBeGreaterThan(CREATE_CALLS);
  }, 400_000);
});

describe('creates whose answer is lost', () => {
  it.each([
    { fault: 'reset-after:1', created: 1, what: 'processed, then the connection dropped' },
    { fault: 'reset:1', created: 0, what: 'dropped before processing' },
  ])('$what: exit 1, one line saying it may have been received, naming the right list, sent once', async ({ fault, created }) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qarnot-lost-create-'));
    try {
      const emu = await startEmulator(['--data', dataDir, '--faults', `${fault},seed:1`]);
      try {
        for (const [noun, args] of [
          ['task', ['task', 'create', '--name', 'lost', '--profile', 'docker-batch', '-c', 'DOCKER_CMD=true']],
          ['pool', ['pool', 'create', '--name', 'lost', '--profile', 'docker-batch']],
          ['job', ['job', 'create', '--name', 'lost']],
        ] as const) {
          await emu.resetCounters();
          const result = await cli([...args], { emulator: emu });
          expect(result.exitCode, result.stderr).toBe(1);
          expect(result.stdout).toBe('');
          expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
          expect(result.stderr).toMatch(new RegExp(`may have been received: check with "qarnot ${noun} list" before trying again`));
          expect(result.stderr).not.toMatch(STACK_FRAME);
          // One attempt only: a second one could have created a duplicate.
          expect((await emu.requests()).byRoute[`POST /${noun}s`]).toBe(1);
        }
      } finally {
        await emu.stop();
      }
      // The same state without faults: what the server really made.
      const check = await startEmulator(['--data', dataDir]);
      try {
        for (const noun of ['tasks', 'pools', 'jobs']) {
          const all = await check.call<{ name: string }[]>('GET', `/${noun}`);
          expect(all.body.filter((item) => item.name === 'lost'), noun).toHaveLength(created);
        }
      } finally {
        await check.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
