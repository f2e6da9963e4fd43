// 3. `task list --all --format jsonl` over 1,000 and 10,000 tasks: wall time
// and peak RSS. Each size has its own emulator (so the command is exactly the
// one in the issue, no filter) and the runs alternate between the two.
import { startEmulator } from './emulator.mjs';
import { TIME_BIN, interleave, median, unavailable } from './measure.mjs';
import { block, mb, ms, ratio, verdict } from './report.mjs';

const SIZES = [1_000, 10_000];
const MAX_RSS_GROWTH = 1.2;
const MAX_WALL_10K_MS = 3_000;
const ARGS = ['task', 'list', '--all', '--format', 'jsonl'];

export async function benchListing(b) {
  const emulators = {};
  try {
    for (const size of SIZES) {
      const emu = await startEmulator(b.bin, { speed: 50 });
      emulators[size] = emu;
      await emu.createTasks(size, { tags: ['bench-list'], namePrefix: 'bench-list' });
    }
    const runFor = (size) => () => b.qarnot(ARGS, { env: emulators[size].env, rss: true, countLines: true });
    const first = await runFor(SIZES[0])();
    const why = unavailable(first, b.missingVerbMarkers);
    if (why) {
      b.print(block('3. Listing', ['tasks', 'result'], SIZES.map((s) => [s, why])));
      return { skipped: why };
    }
    const results = await interleave(Object.fromEntries(SIZES.map((s) => [s, runFor(s)])), b.rounds.listing, { warmup: 0 });
    const figures = {};
    for (const size of SIZES) {
      const runs = results[size];
      const lines = runs.map((r) => r.lines);
      figures[size] = {
        wallMs: median(runs.map((r) => r.wallMs)),
        rssMb: median(runs.map((r) => r.rssMb)),
        linesOk: lines.every((n) => n === size),
        lines: lines[0],
      };
    }
    const [small, large] = SIZES.map((s) => figures[s]);
    const growth = large.rssMb / small.rssMb;
    const rows = SIZES.map((s) => [
      s.toLocaleString('en-US'),
      ms(figures[s].wallMs),
      mb(figures[s].rssMb),
      figures[s].linesOk ? `${figures[s].lines}` : `${figures[s].lines} (expected ${s}!)`,
    ]);
    const notes = [
      `peak RSS 10,000 / 1,000: ${ratio(growth)} (target ≤ ${MAX_RSS_GROWTH.toFixed(2)}×) ${TIME_BIN ? verdict(growth <= MAX_RSS_GROWTH) : 'n/a (/usr/bin/time missing: apt-get install time)'}`,
      `10,000 tasks in ${ms(large.wallMs)} (target < 3 s) ${verdict(large.wallMs < MAX_WALL_10K_MS)}`,
      `median of ${b.rounds.listing} runs per size, alternating; output lines checked against the task count`,
    ];
    b.print(block('3. Listing — qarnot task list --all --format jsonl', ['tasks', 'wall (median)', 'peak RSS (median)', 'lines'], rows, notes));
    return { ...figures, rssGrowth: growth };
  } finally {
    for (const emu of Object.values(emulators)) await emu.stop();
  }
}
