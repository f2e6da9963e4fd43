// 3. `task list --all --format jsonl`. Speed: 10,000 tasks against a bare walker (bare-walker.mjs:
// a minimal client that pages through the same route and discards the bytes), full tasks and
// summaries, runs alternating. Memory: peak RSS of a 100,000-task walk against a 1,000-task one.
// Each size has its own emulator, so the command is exactly the one in the issue (no filter);
// the emulators run slowly enough that every walk reads the same states.
import { fileURLToPath } from 'node:url';
import { startEmulator } from './emulator.mjs';
import { TIME_BIN, interleave, median, unavailable } from './measure.mjs';
import { block, mb, ms, ratio, verdict } from './report.mjs';

const SPEED_TASKS = 10_000;
const MEMORY_SIZES = [1_000, 100_000];
const MAX_WALKER_RATIO = 1.5;
const MAX_RSS_GROWTH = 2;
const WALKER_PAGE = 100;
const WALKER = fileURLToPath(new URL('./bare-walker.mjs', import.meta.url));
const ARGS = ['task', 'list', '--all', '--format', 'jsonl'];
const KINDS = { 'full tasks': { route: '/tasks/paginate', args: ARGS }, summaries: { route: '/tasks/summaries/paginate', args: [...ARGS, '--summary'] } };

async function emulatorWith(b, size) {
  const emu = await startEmulator(b.bin, { speed: 0.001, maxTasks: size > 20_000 ? size : undefined });
  await emu.createTasks(size, { tags: ['bench-list'], namePrefix: 'bench-list' });
  return emu;
}

export async function benchListing(b) {
  const emulators = [];
  const started = async (size) => {
    const emu = await emulatorWith(b, size);
    emulators.push(emu);
    return emu;
  };
  try {
    const emu = await started(SPEED_TASKS);
    const qarnot = (args, e, rss = false) => () => b.qarnot(args, { env: e.env, rss, countLines: true });
    const why = unavailable(await qarnot(ARGS, emu)(), b.missingVerbMarkers);
    if (why) {
      b.print(block('3. Listing', ['', 'result'], [['task list --all', why]]));
      return { skipped: why };
    }
    const variants = {};
    for (const [kind, { route, args }] of Object.entries(KINDS)) {
      variants[`walker, ${kind}`] = () => b.node([WALKER, route, String(WALKER_PAGE)], { env: { ...process.env, ...emu.env } });
      variants[`qarnot, ${kind}`] = qarnot(args, emu);
    }
    const speed = await interleave(variants, b.rounds.listing);
    const figures = { speed: {}, memory: {} };
    const speedRows = [];
    for (const kind of Object.keys(KINDS)) {
      const walker = median(speed[`walker, ${kind}`].map((r) => r.wallMs));
      const runs = speed[`qarnot, ${kind}`];
      const cli = median(runs.map((r) => r.wallMs));
      const linesOk = runs.every((r) => r.lines === SPEED_TASKS && r.code === 0);
      figures.speed[kind] = { walkerMs: walker, qarnotMs: cli, ratio: cli / walker, linesOk };
      speedRows.push([kind, ms(walker), ms(cli), ratio(cli / walker), `≤ ${MAX_WALKER_RATIO}×`, verdict(linesOk && cli / walker <= MAX_WALKER_RATIO)]);
    }
    b.print(
      block(`3. Listing — ${SPEED_TASKS.toLocaleString('en-US')} tasks: qarnot task list --all --format jsonl [--summary] against a bare walker`, ['objects', 'walker', 'qarnot', 'ratio', 'target', ''], speedRows, [
        `walker: scripts/bench/bare-walker.mjs, pages of ${WALKER_PAGE}, bytes discarded; median of ${b.rounds.listing} alternating runs; qarnot's output lines checked against the task count`,
      ]),
    );

    const [small, large] = await Promise.all(MEMORY_SIZES.map((size) => started(size)));
    const memory = await interleave({ small: qarnot(ARGS, small, true), large: qarnot(ARGS, large, true) }, Math.min(3, b.rounds.listing), { warmup: 0 });
    const memoryRows = [];
    for (const [label, size] of [['small', MEMORY_SIZES[0]], ['large', MEMORY_SIZES[1]]]) {
      const runs = memory[label];
      figures.memory[size] = { wallMs: median(runs.map((r) => r.wallMs)), rssMb: median(runs.map((r) => r.rssMb)), linesOk: runs.every((r) => r.lines === size) };
      memoryRows.push([size.toLocaleString('en-US'), ms(figures.memory[size].wallMs), mb(figures.memory[size].rssMb), figures.memory[size].linesOk ? 'ok' : `${runs[0].lines} lines!`]);
    }
    const growth = figures.memory[MEMORY_SIZES[1]].rssMb / figures.memory[MEMORY_SIZES[0]].rssMb;
    figures.memory.rssGrowth = growth;
    b.print(
      block('   Memory — qarnot task list --all --format jsonl', ['tasks', 'wall (median)', 'peak RSS (median)', 'lines'], memoryRows, [
        `peak RSS 100,000 / 1,000: ${ratio(growth)} (target ≤ ${MAX_RSS_GROWTH}×: memory does not grow with the number of items) ${TIME_BIN ? verdict(growth <= MAX_RSS_GROWTH) : 'n/a (/usr/bin/time missing: apt-get install time)'}`,
      ]),
    );
    return figures;
  } finally {
    for (const emu of emulators) await emu.stop();
  }
}
