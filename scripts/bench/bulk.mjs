// 4. `task delete --tag bench --yes` on 1,000 tasks, --concurrency 16 against
// --concurrency 1. The emulator answers in ~1 ms, so without latency both
// would be CPU-bound on this machine and concurrency could not show; it gets
// a fixed added latency per request (--faults latency:Nms), a stand-in for
// the network round trip to the real API. Each run deletes the tasks, so they
// are recreated (untimed) before every run.
import { startEmulator } from './emulator.mjs';
import { interleave, median, unavailable } from './measure.mjs';
import { block, ms, ratio, verdict } from './report.mjs';

const TASKS = 1_000;
const SPEEDUP_TARGET = 8;
const MAX_IN_FLIGHT = 16;

export async function benchBulk(b) {
  const latencyMs = b.bulkLatencyMs;
  const emu = await startEmulator(b.bin, { speed: 50, faults: `latency:${latencyMs}ms` });
  try {
    const deleteRun = (concurrency) => async () => {
      await emu.createTasks(TASKS, { tags: ['bench'], namePrefix: 'bench-delete' });
      await emu.resetCounters();
      const result = await b.qarnot(['task', 'delete', '--tag', 'bench', '--yes', '--concurrency', String(concurrency)], { env: emu.env, countLines: true, timeoutMs: 600_000 });
      const counters = await emu.requests();
      const left = await emu.call('GET', '/tasks?tag=bench');
      return { ...result, counters, left: Array.isArray(left) ? left.length : NaN };
    };
    const probe = await deleteRun(16)();
    const why = unavailable(probe, b.missingVerbMarkers);
    if (why) {
      b.print(block(`4. Bulk — qarnot task delete --tag bench --yes on ${TASKS} tasks`, ['concurrency', 'result'], [['16', why], ['1', why]]));
      return { skipped: why };
    }
    const results = await interleave({ 16: deleteRun(16), 1: deleteRun(1) }, b.rounds.bulk, { warmup: 0 });
    results[16].push(probe);
    const fig = {};
    for (const c of [16, 1]) {
      const runs = results[c];
      fig[c] = {
        wallMs: median(runs.map((r) => r.wallMs)),
        maxInFlight: Math.max(...runs.map((r) => r.counters.maxInFlight)),
        requests: median(runs.map((r) => r.counters.total)),
        allDeleted: runs.every((r) => r.code === 0 && r.left === 0),
      };
    }
    const speedup = fig[1].wallMs / fig[16].wallMs;
    const rows = [16, 1].map((c) => [
      `--concurrency ${c}`,
      ms(fig[c].wallMs),
      `${fig[c].requests}`,
      `${fig[c].maxInFlight}`,
      fig[c].allDeleted ? 'yes' : 'NO',
    ]);
    const notes = [
      `speed-up 16 vs 1: ${ratio(speedup)} (target ≥ ${SPEEDUP_TARGET}×) ${verdict(speedup >= SPEEDUP_TARGET)}`,
      `max in flight at the emulator with 16: ${fig[16].maxInFlight} (target ≤ ${MAX_IN_FLIGHT}) ${verdict(fig[16].maxInFlight <= MAX_IN_FLIGHT)}`,
      `emulator adds ${latencyMs} ms to every request; median of ${results[1].length}/${results[16].length} runs (1/16)`,
    ];
    b.print(block(`4. Bulk — qarnot task delete --tag bench --yes on ${TASKS.toLocaleString('en-US')} tasks`, ['', 'wall (median)', 'requests', 'max in flight', 'all deleted'], rows, notes));
    return { ...fig, speedup, latencyMs };
  } finally {
    await emu.stop();
  }
}
