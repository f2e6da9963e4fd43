import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';

/**
 * Resilience: the CLI against an emulator injecting 503s, 429s with Retry-After,
 * connection resets and latency, from a fixed seed. Every request of a command
 * has about one chance in four to fail, so a listing of 2,000 tasks sees dozens
 * of faults: exactly-once must come from the retry policy, not from luck.
 */
const LIST_FAULTS = '503:0.1,429:0.05,reset:0.05,reset-after:0.05,latency:0-30ms,seed:8';

describe('task list --all over 2,000 tasks under faults', () => {
  let emu: TestEmulator;
  let dataDir: string;
  const created: string[] = [];

  beforeAll(async () => {
    // Set up without faults (a bulk POST cut by a reset would leave us unsure of
    // what exists), then serve the same state again with faults.
    dataDir = mkdtempSync(join(tmpdir(), 'qarnot-faults-'));
    const setup = await startEmulator(['--data', dataDir], { speed: 1000 });
    try {
      for (let chunk = 0; chunk < 8; chunk++) {
        const bodies = Array.from({ length: 250 }, (_, i) => ({
          name: `bulk-${chunk * 250 + i}`,
          profile: 'docker-batch',
          instanceCount: 1,
          constants: [{ key: 'DOCKER_CMD', value: '' }],
        }));
        const res = await setup.call<{ uuid: string; statusCode: number }[]>('POST', '/tasks', bodies);
        expect(res.status).toBeLessThan(300);
        for (const item of res.body) {
          expect(item.statusCode).toBeLessThan(300);
          created.push(item.uuid);
        }
      }
    } finally {
      await setup.stop();
    }
    emu = await startEmulator(['--data', dataDir, '--faults', LIST_FAULTS]);
  }, 60_000);

  afterAll(async () => {
    await emu?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('returns every task exactly once (ids, -q)', async () => {
    await emu.resetCounters();
    const result = await cli(['task', 'list', '--all', '-q'], { emulator: emu });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const ids = result.stdout.trim().split('\n');
    expect(ids).toHaveLength(2000);
    expect(new Set(ids).size).toBe(2000);
    expect([...ids].sort()).toEqual([...created].sort());
    // The faults really happened: more requests than the 8 pages of 250.
    const counts = await emu.requests();
    expect(counts.byRoute['POST /tasks/paginate']).toBeGreaterThan(8);
  });

  it('returns every task exactly once as JSON lines, oldest first', async () => {
    const result = await cli(['task', 'list', '--all', '--format', 'jsonl', '--fields', 'uuid,name', '--sort', 'creationDate:asc'], {
      emulator: emu,
    });
    expect(result.exitCode).toBe(0);
    const rows = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { uuid: string; name: string });
    expect(rows.map((r) => r.uuid)).toEqual(created);
    expect(rows.map((r) => r.name)).toEqual(created.map((_, i) => `bulk-${i}`));
  });

  it('stays exactly-once while tasks are created during the walk', async () => {
    const listing = cli(['task', 'list', '--all', '-q', '--sort', 'creationDate:asc'], { emulator: emu });
    const extra: string[] = [];
    // Creations race the walk; ones that hit a fault are simply not counted.
    for (let i = 0; i < 20; i++) {
      const res = await emu
        .call<string | { uuid: string }>('POST', '/tasks', { name: `late-${i}`, profile: 'docker-batch', instanceCount: 1, constants: [] })
        .catch(() => undefined);
      if (res && res.status < 300 && typeof res.body === 'object') extra.push(res.body.uuid);
    }
    const result = await listing;
    expect(result.exitCode).toBe(0);
    const ids = result.stdout.trim().split('\n');
    expect(new Set(ids).size).toBe(ids.length);
    // Every task that existed during the whole walk is there, in creation order.
    expect(ids.slice(0, 2000)).toEqual(created);
  });
});
