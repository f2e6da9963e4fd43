// 1. Start-up and 2. one API call, each against a bare `node -e 0` measured
// in the same interleaved rounds.
import { interleave, median, unavailable } from './measure.mjs';
import { block, ms, ratio, verdict } from './report.mjs';

const STARTUP_TARGET = 1.3;
const CALL_TARGET = 1.6;

async function compare(b, commands, rounds) {
  const variants = { baseline: () => b.node(['-e', '0']) };
  const skipped = {};
  for (const [label, args] of Object.entries(commands)) {
    const why = unavailable(await b.qarnot(args), b.missingVerbMarkers);
    if (why) skipped[label] = why;
    else variants[label] = () => b.qarnot(args);
  }
  const results = await interleave(variants, rounds);
  const base = median(results.baseline.map((r) => r.wallMs));
  return { results, skipped, base };
}

function rows({ results, skipped, base }, commands, target) {
  const out = [['node -e 0 (baseline)', ms(base), ms(Math.min(...results.baseline.map((r) => r.wallMs))), '1.00×', '', '']];
  const figures = {};
  for (const label of Object.keys(commands)) {
    if (skipped[label]) {
      out.push([label, skipped[label], '', '', '', '']);
      continue;
    }
    const walls = results[label].map((r) => r.wallMs);
    const med = median(walls);
    figures[label] = { medianMs: med, ratio: med / base };
    out.push([label, ms(med), ms(Math.min(...walls)), ratio(med / base), `≤ ${target.toFixed(1)}×`, verdict(med / base <= target)]);
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
  b.print(block(`1. Start-up — wall time, median of ${b.rounds.startup} interleaved runs`, ['command', 'median', 'min', 'ratio', 'target', ''], out));
  return { baselineMs: measured.base, ...figures };
}

export async function benchApiCall(b) {
  const [uuid] = await b.emu.createTasks(1, { tags: ['bench-show'], namePrefix: 'bench-show' });
  const commands = { 'qarnot task show ID': ['task', 'show', uuid] };
  const measured = await compare(b, commands, b.rounds.startup);
  const { out, figures } = rows(measured, commands, CALL_TARGET);
  b.print(block(`2. One API call (local emulator) — wall time, median of ${b.rounds.startup} interleaved runs`, ['command', 'median', 'min', 'ratio', 'target', ''], out));
  return { baselineMs: measured.base, ...figures };
}
