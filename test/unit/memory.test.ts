import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { collectPastPages, keepYoungGenerationSmall, walkEnded } from '../../src/lib/memory.js';

/**
 * Major GCs seen while `run` runs. Node reports a GC from a setImmediate, and observers from
 * another: a few turns of the loop deliver every entry, without waiting on a clock.
 */
async function majorCollections(run: () => void): Promise<number> {
  let majors = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if ((entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majors++;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  run();
  for (let turn = 0; turn < 4; turn++) await new Promise((resolve) => setImmediate(resolve));
  observer.disconnect();
  return majors;
}

describe('collectPastPages', () => {
  it('runs a full GC between pages once garbage has piled up, and frees it', async () => {
    collectPastPages(); // the first page sets the baseline
    // What a few printed pages leave behind: objects that survived a young GC and died.
    let pages: unknown[][] | undefined = Array.from({ length: 8 }, () => Array.from({ length: 20_000 }, (_, i) => ({ i, text: `item ${i}` })));
    const piledUp = getHeapStatistics().used_heap_size;
    expect(pages.length).toBe(8);
    pages = undefined;
    const majors = await majorCollections(() => collectPastPages());
    expect(majors).toBeGreaterThanOrEqual(1);
    expect(getHeapStatistics().used_heap_size).toBeLessThan(piledUp - 4 * 1024 * 1024);
  });

  it('leaves V8 alone while little has piled up since the last one', async () => {
    collectPastPages();
    const majors = await majorCollections(() => {
      collectPastPages();
      collectPastPages();
    });
    expect(majors).toBe(0);
  });
});

const SOURCE = 'function answer() { return 6 * 7; } answer();';

/** Whether a fresh Node (default flags) accepts code cached by this process now. */
function acceptedByFreshNode(): boolean {
  const script = new Script(SOURCE, { filename: 'answer.js' });
  script.runInThisContext();
  const file = join(mkdtempSync(join(tmpdir(), 'qarnot-test-v8-cache-')), 'answer.v8');
  writeFileSync(file, script.createCachedData());
  const check = `const { Script } = require('node:vm'); const s = new Script(${JSON.stringify(SOURCE)}, { filename: 'answer.js', cachedData: require('node:fs').readFileSync(${JSON.stringify(file)}) }); process.stdout.write(String(!s.cachedDataRejected));`;
  const child = spawnSync(process.execPath, ['-e', check], { encoding: 'utf8' });
  expect(child.status).toBe(0);
  return child.stdout === 'true';
}

describe('walkEnded', () => {
  it('puts back the V8 flags a walk set, so what is cached at exit is not refused by the next run', () => {
    walkEnded();
    // Also after the first test made V8's gc() available, which sets a flag for a moment.
    expect(acceptedByFreshNode()).toBe(true);
    // A walk: the young-generation flag set, and gc() made available once garbage has piled up.
    keepYoungGenerationSmall();
    collectPastPages();
    let garbage: unknown[] | undefined = Array.from({ length: 200_000 }, (_, i) => ({ i }));
    expect(garbage).toHaveLength(200_000);
    garbage = undefined;
    collectPastPages();
    expect(acceptedByFreshNode()).toBe(false);
    walkEnded();
    expect(acceptedByFreshNode()).toBe(true);
  });
});

