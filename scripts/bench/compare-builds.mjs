// Compares builds of the CLI on one command, interleaved with `node -e 0`:
//   node scripts/bench/compare-builds.mjs ROUNDS BIN1 BIN2 ... -- ARGS...
// (used to measure a build-script change before making it; not part of the run).
import { interleave, median, runMeasured } from './measure.mjs';

const argv = process.argv.slice(2);
const rounds = Number(argv.shift());
const sep = argv.indexOf('--');
const bins = argv.slice(0, sep);
const args = argv.slice(sep + 1);
const variants = { 'node -e 0': () => runMeasured(process.execPath, ['-e', '0'], { rss: true }) };
for (const bin of bins) variants[bin] = () => runMeasured(process.execPath, [bin, ...args], { rss: true });
const results = await interleave(variants, rounds);
const base = median(results['node -e 0'].map((r) => r.wallMs));
const baseCpu = median(results['node -e 0'].map((r) => r.cpuMs));
process.stdout.write('    wall   ratio     cpu   ratio    RSS\n');
for (const [name, runs] of Object.entries(results)) {
  const med = median(runs.map((r) => r.wallMs));
  const cpu = median(runs.map((r) => r.cpuMs));
  const rss = median(runs.map((r) => r.rssMb));
  const codes = [...new Set(runs.map((r) => r.code))].join(',');
  process.stdout.write(`${med.toFixed(0).padStart(8)} ${(med / base).toFixed(2)}× ${cpu.toFixed(0).padStart(6)} ${(cpu / baseCpu).toFixed(2)}× ${rss.toFixed(1).padStart(6)}  exit ${codes}  ${name}\n`);
}
