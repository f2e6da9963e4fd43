// `npm run bench`: start-up, one API call, listing, bulk and follow figures
// for the built CLI against the local emulator, and the emulator's own pagination speed, each as a ratio or a target
// measured side by side in the same run. Benchmarks, not tests: prints
// PASS/FAIL per target and exits 0 unless the harness itself broke.
//
//   node scripts/bench.mjs [--only startup,call,list,bulk,follow,paginate,storage] [--quick]
//                          [--bin PATH] [--tolerant] [--json FILE] [--latency MS]
// --tolerant builds a private copy in which verbs not written yet fail with
// "verb missing" (their benchmarks print n/a) instead of breaking the build.
// --latency: what the emulator adds to each request in the bulk benchmark
// (a stand-in for the network round trip to the real API; default 20 ms).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { benchBulk } from './bench/bulk.mjs';
import { startEmulator } from './bench/emulator.mjs';
import { benchFollow } from './bench/follow.mjs';
import { benchListing } from './bench/listing.mjs';
import { benchPagination } from './bench/pagination.mjs';
import { benchStorage } from './bench/storage.mjs';
import { TIME_BIN, runMeasured } from './bench/measure.mjs';
import { benchApiCall, benchStartup } from './bench/startup.mjs';
import { MISSING_VERB_MESSAGE, tolerantBuild } from './bench/tolerant-build.mjs';

const ALL = ['startup', 'call', 'list', 'bulk', 'follow', 'paginate', 'storage'];
const { values: opts } = parseArgs({
  options: {
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    bin: { type: 'string' },
    tolerant: { type: 'boolean', default: false },
    json: { type: 'string' },
    latency: { type: 'string', default: '20' },
  },
});
const only = opts.only ? opts.only.split(',').map((s) => s.trim()) : ALL;
for (const name of only) if (!ALL.includes(name)) throw new Error(`--only: unknown benchmark "${name}" (expected ${ALL.join(', ')})`);

if (!/^\d+$/.test(opts.latency)) throw new Error(`--latency: expected a whole number of milliseconds, got "${opts.latency}"`);

const root = fileURLToPath(new URL('..', import.meta.url));
const print = (text) => process.stdout.write(text);
const configDir = mkdtempSync(join(tmpdir(), 'qarnot-bench-config-'));
let bin = opts.bin ?? join(root, 'bin', 'qarnot.cjs');
if (opts.tolerant) bin = await tolerantBuild(mkdtempSync(join(tmpdir(), 'qarnot-bench-build-')));

let commit = 'unknown';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  if (execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: root, encoding: 'utf8' }).trim()) commit += ' + uncommitted src changes';
} catch {
  // not a git checkout
}
print(
  `qarnot bench — ${new Date().toISOString()} — commit ${commit}${opts.tolerant ? ' (tolerant build)' : ''}\n` +
    `node ${process.version}, ${cpus().length} CPU (${cpus()[0]?.model.trim() ?? '?'}), load ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n` +
    (TIME_BIN ? '' : 'note: /usr/bin/time is missing (apt-get install time): peak RSS figures are n/a\n'),
);

const emu = await startEmulator(bin, { speed: 50 });
// The code cache too is the bench's own: warmed by the first runs, not by the user's.
const baseEnv = { ...process.env, ...emu.env, QARNOT_CONFIG_DIR: configDir, XDG_CACHE_HOME: join(configDir, 'cache') };
delete baseEnv.NODE_OPTIONS;
delete baseEnv.NODE_DISABLE_COMPILE_CACHE;
const b = {
  bin,
  emu,
  print,
  missingVerbMarkers: [MISSING_VERB_MESSAGE, 'unknown command'],
  rounds: opts.quick ? { startup: 9, listing: 2, bulk: 1 } : { startup: 25, listing: 5, bulk: 3 },
  follow: opts.quick ? { lines: 8, silenceS: 10 } : { lines: 20, silenceS: 20 },
  bulkLatencyMs: Number(opts.latency),
  node: (args, o = {}) => runMeasured(process.execPath, args, { env: baseEnv, ...o }),
  qarnot: (args, o = {}) => runMeasured(process.execPath, [bin, ...args], { ...o, env: { ...baseEnv, ...o.env } }),
};

const figures = {};
const benches = { startup: benchStartup, call: benchApiCall, list: benchListing, bulk: benchBulk, follow: benchFollow, paginate: benchPagination, storage: benchStorage };
try {
  for (const name of only) figures[name] = await benches[name](b);
} finally {
  await emu.stop();
  rmSync(configDir, { recursive: true, force: true });
}
if (opts.json) writeFileSync(opts.json, `${JSON.stringify({ date: new Date().toISOString(), commit, figures }, null, 2)}\n`);
print('\nReproduce: npm run bench\n');
