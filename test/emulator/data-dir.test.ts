import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { start } from './helpers.js';

const base = mkdtempSync(join(tmpdir(), 'emu-data-dir-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('the --data directory', () => {
  it('is created 0700 with a 0600 state.json, and serves one emulator at a time', async () => {
    const dataDir = join(base, 'state');
    const a = await start({ dataDir, token: 't' });
    try {
      await a.call('POST', '/jobs', { name: 'j' });
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(statSync(join(dataDir, 'state.json')).mode & 0o777).toBe(0o600);
      await expect(start({ dataDir, token: 't' })).rejects.toThrow(/another emulator \(pid \d+\) uses the data directory/);
    } finally {
      await a.stop();
    }
    // Stopped: the directory is free again.
    const b = await start({ dataDir, token: 't' });
    await b.stop();
  });
});
