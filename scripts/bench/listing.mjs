// 3. `task list --all --format jsonl`. Speed: 10,000 tasks against a bare walker (bare-walker.mjs:
// a minimal client that pages through the same route and discards the bytes), full tasks and
// summaries, runs alternating. Memory: peak RSS of a 100,000-task walk against a 1,000-task one,
// in each format that streams.
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
/** jsonl passes the API's text through; tsv (the default when piped) and json build objects. */
const MEMORY_FORMATS = ['jsonl', 'tsv', 'json'];
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
    const variantsBySize = {};
    for (const format of MEMORY_FORMATS) {
      const args = ['task', 'list', '--all', '--format', format];
      variantsBySize[`${format} small`] = qarnot(args, small, true);
      variantsBySize[`${format} large`] = qarnot(args, large, true);
    }
    const memory = await interleave(variantsBySize, Math.min(3, b.rounds.listing), { warmup: 0 });
    const memoryRows = [];
    let worst = 0;
    for (const format of MEMORY_FORMATS) {
      const bySize = {};
      for (const [label, size] of [['small', MEMORY_SIZES[0]], ['large', MEMORY_SIZES[1]]]) {
        const runs = memory[`${format} ${label}`];
        // A JSON array is one line per field: its count is checked by the jsonl and tsv runs.
        bySize[size] = { wallMs: median(runs.map((r) => r.wallMs)), rssMb: median(runs.map((r) => r.rssMb)), linesOk: format === 'json' || runs.every((r) => r.lines === size) };
      }
      const growth = bySize[MEMORY_SIZES[1]].rssMb / bySize[MEMORY_SIZES[0]].rssMb;
      worst = Math.max(worst, growth);
      figures.memory[format] = { ...bySize, rssGrowth: growth };
      const linesOk = Object.values(bySize).every((f) => f.linesOk);
      memoryRows.push([format, ...[MEMORY_SIZES[0], MEMORY_SIZES[1]].map((size) => `${ms(bySize[size].wallMs)}, ${mb(bySize[size].rssMb)}`), ratio(growth), `≤ ${MAX_RSS_GROWTH}×`, TIME_BIN ? verdict(linesOk && growth <= MAX_RSS_GROWTH) : 'n/a']);
    }
    figures.memory.rssGrowth = worst;
    b.print(
      block('   Memory — qarnot task list --all --format F: peak RSS of 100,000 tasks against 1,000', ['format', '1,000: wall, peak RSS', '100,000: wall, peak RSS', 'growth', 'target', ''], memoryRows, [
        `target: memory does not grow with the number of items (medians of ${Math.min(3, b.rounds.listing)} runs)${TIME_BIN ? '' : '; n/a: /usr/bin/time missing (apt-get install time)'}`,
      ]),
    );
    return figures;
  } finally {
    for (const emu of emulators) await emu.stop();
  }
}
