import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { start, waitFor } from './helpers.js';

const dataDir = mkdtempSync(join(tmpdir(), 'emu-job-autodelete-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('a completed job with autoDeleteOnCompletion', () => {
  it('is still deleted after a restart, completionTimeToLive after it completed', async () => {
    const a = await start({ dataDir, token: 't' });
    const job = (await a.call('POST', '/jobs', { name: 'auto', autoDeleteOnCompletion: true, completionTimeToLive: '00:00:03' })).body.uuid;
    expect((await a.call('POST', `/jobs/${job}/terminate`)).status).toBeLessThan(300);
    await waitFor(async () => (await a.get(`/jobs/${job}`)).state === 'Completed');
    await a.stop();
    const b = await start({ dataDir, token: 't' });
    try {
      expect((await b.call('GET', `/jobs/${job}`)).status).toBe(200);
      await waitFor(async () => (await b.call('GET', `/jobs/${job}`)).status === 404, 15_000, 'the job deleted after the restart');
    } finally {
      await b.stop();
    }
  });
});
