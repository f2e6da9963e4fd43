// 1. Start-up and 2. one API call, each against a bare `node -e 0` measured
// in the same interleaved rounds.
import { interleave, median, unavailable } from './measure.mjs';
import { block, mb, ms, ratio, verdict } from './report.mjs';

const HEADER = ['command', 'wall median', 'min', 'ratio', 'target', '', 'CPU median', 'ratio', 'peak RSS'];
const NOTE = 'target on the wall-time ratio; CPU = user + sys of the process (10 ms resolution), steadier when the machine is busy';

const CACHE_NOTE =
  'runs after the first read the code cache (src/lib/chunk-loader.ts), in a directory of the bench\'s own; "code cache off" is what a first run after an install or upgrade pays';

const STARTUP_TARGET = 1.3;
const CALL_TARGET = 1.6;

/** A command: its arguments, or { args, env, info } for a row shown without a target. */
const specOf = (command) => (Array.isArray(command) ? { args: command } : command);

async function compare(b, commands, rounds) {
  // Under /usr/bin/time (same ~1 ms on both sides) for the CPU column: CPU
  // time barely moves when other processes compete for the cores; wall does.
  const variants = { baseline: () => b.node(['-e', '0'], { rss: true }) };
  const skipped = {};
  for (const [label, command] of Object.entries(commands)) {
    const { args, env } = specOf(command);
    const why = unavailable(await b.qarnot(args, { env }), b.missingVerbMarkers);
    if (why) skipped[label] = why;
    else variants[label] = () => b.qarnot(args, { rss: true, env });
  }
  const results = await interleave(variants, rounds);
  const base = median(results.baseline.map((r) => r.wallMs));
  const baseCpu = median(results.baseline.map((r) => r.cpuMs));
  return { results, skipped, base, baseCpu };
}

function rows({ results, skipped, base, baseCpu }, commands, target) {
  const out = [['node -e 0 (baseline)', ms(base), ms(Math.min(...results.baseline.map((r) => r.wallMs))), '1.00×', '', '', ms(baseCpu), '1.00×', mb(median(results.baseline.map((r) => r.rssMb)))]];
  const figures = {};
  for (const label of Object.keys(commands)) {
    if (skipped[label]) {
      out.push([label, skipped[label], '', '', '', '', '', '', '']);
      continue;
    }
    const walls = results[label].map((r) => r.wallMs);
    const med = median(walls);
    const cpu = median(results[label].map((r) => r.cpuMs));
    const rss = median(results[label].map((r) => r.rssMb));
    figures[label] = { medianMs: med, ratio: med / base, cpuMs: cpu, cpuRatio: cpu / baseCpu, rssMb: rss };
    const [targetCell, verdictCell] = specOf(commands[label]).info ? ['(info)', ''] : [`≤ ${target.toFixed(1)}×`, verdict(med / base <= target)];
    out.push([label, ms(med), ms(Math.min(...walls)), ratio(med / base), targetCell, verdictCell, ms(cpu), ratio(cpu / baseCpu), mb(rss)]);
  }
  return { out, figures };
}

export async function benchStartup(b) {
  const commands = {
    'qarnot --version': ['--version'],
    'qarnot --help': ['--help'],
    'qarnot task list --help': ['task', 'list', '--help'],
  };
  const measured = await compare(b, commands, b.rounds.startup);
  const { out, figures } = rows(measured, commands, STARTUP_TARGET);
  b.print(block(`1. Start-up — median of ${b.rounds.startup} interleaved runs`, HEADER, out, [NOTE, CACHE_NOTE]));
  return { baselineMs: measured.base, baselineCpuMs: measured.baseCpu, ...figures };
}

export async function benchApiCall(b) {
  const [uuid] = await b.emu.createTasks(1, { tags: ['bench-show'], namePrefix: 'bench-show' });
  const commands = {
    'qarnot task show ID': ['task', 'show', uuid],
    '  same, code cache off': { args: ['task', 'show', uuid], env: { NODE_DISABLE_COMPILE_CACHE: '1' }, info: true },
  };
  const measured = await compare(b, commands, b.rounds.startup);
  const { out, figures } = rows(measured, commands, CALL_TARGET);
  b.print(block(`2. One API call (local emulator) — median of ${b.rounds.startup} interleaved runs`, HEADER, out, [NOTE, CACHE_NOTE]));
  return { baselineMs: measured.base, baselineCpuMs: measured.baseCpu, ...figures };
}
