// 5. `task stdout ID -f`: the delay from a line printed by an instance to the
// same line on the follower's stdout, and the request rate while the task is
// silent. The instance prints its own wall clock (ms) in each line; the bench
// reads the follower's stdout as it arrives and subtracts.
import { quantile } from './measure.mjs';
import { block, ms, verdict } from './report.mjs';

const LATENCY_TARGET_MS = 1_000;
const SILENT_RATE_TARGET = 1;

/** Lines ~1.3 s apart (not a multiple of any poll interval), then a silence. */
function script(lines, silenceS) {
  return [
    'sleep 1',
    `i=0; while [ $i -lt ${lines} ]; do i=$((i+1)); echo "bench-line $i $(date +%s%3N)"; sleep 1.3; done`,
    `echo "bench-silence $(date +%s%3N)"`,
    `sleep ${silenceS}`,
    `echo "bench-end $(date +%s%3N)"`,
  ].join('; ');
}

export async function benchFollow(b) {
  const { lines, silenceS } = b.follow;
  // The window closes 1.5 s before the next line: the follower's delay is well
  // under that, so it never sees output during the window.
  const windowMs = (silenceS - 1.5) * 1000;
  // follow.ts backs off over the first 5 s of silence, then settles.
  const settleMs = 5000;
  const created = await b.emu.call('POST', '/tasks', {
    name: 'bench-follow',
    profile: 'docker-batch',
    instanceCount: 1,
    tags: ['bench-follow'],
    constants: [{ key: 'DOCKER_CMD', value: script(lines, silenceS) }],
  });
  const delays = [];
  let silent = null;
  let pending = '';
  const onStdout = (chunk) => {
    const received = Date.now();
    pending += chunk;
    const complete = pending.slice(0, pending.lastIndexOf('\n') + 1);
    pending = pending.slice(complete.length);
    for (const line of complete.split('\n')) {
      const stamp = /bench-(line \d+|silence|end) (\d{13})/.exec(line);
      if (!stamp) continue;
      if (stamp[1].startsWith('line')) delays.push(received - Number(stamp[2]));
      if (stamp[1] === 'silence' && !silent) {
        // Count what the follower asks while nothing is printed; the window
        // closes well before the next line can arrive.
        silent = b.emu.resetCounters().then(async () => {
          const from = Date.now();
          await new Promise((r) => setTimeout(r, settleMs));
          const settled = await b.emu.requests();
          const settledAt = Date.now();
          await new Promise((r) => setTimeout(r, windowMs - settleMs));
          const counters = await b.emu.requests();
          return {
            requests: counters.total,
            seconds: (Date.now() - from) / 1000,
            settledRequests: counters.total - settled.total,
            settledSeconds: (Date.now() - settledAt) / 1000,
            byRoute: counters.byRoute,
          };
        });
      }
    }
  };
  const result = await b.qarnot(['task', 'stdout', created.uuid, '-f'], { onStdout, timeoutMs: (lines * 1.3 + silenceS + 60) * 1000 });
  const title = `5. Follow — qarnot task stdout ID -f (${lines} lines 1.3 s apart, then ${silenceS} s silent)`;
  if (delays.length === 0) {
    const why = b.missingVerbMarkers.some((m) => result.stderr.includes(m)) ? 'n/a (verb missing)' : `n/a (failed: ${result.stderr.trim().split('\n')[0] ?? result.code})`;
    b.print(block(title, ['', 'result'], [['follow', why]]));
    return { skipped: why };
  }
  const quiet = silent ? await silent : null;
  const rate = quiet ? quiet.requests / quiet.seconds : NaN;
  const settledRate = quiet ? quiet.settledRequests / quiet.settledSeconds : NaN;
  const p50 = quantile(delays, 0.5);
  const p95 = quantile(delays, 0.95);
  const rows = [
    ['line delay, median', ms(p50), `≤ ${LATENCY_TARGET_MS} ms`, verdict(p50 <= LATENCY_TARGET_MS)],
    ['line delay, p95', ms(p95), `≤ ${LATENCY_TARGET_MS} ms`, verdict(p95 <= LATENCY_TARGET_MS)],
    ['line delay, max', ms(Math.max(...delays)), '', ''],
    ['requests/s while silent (whole silence)', Number.isFinite(rate) ? rate.toFixed(2) : 'n/a', `≤ ${SILENT_RATE_TARGET}`, quiet ? verdict(rate <= SILENT_RATE_TARGET) : ''],
    ['requests/s after 5 s of silence', Number.isFinite(settledRate) ? settledRate.toFixed(2) : 'n/a', '', ''],
  ];
  const notes = [
    `${delays.length}/${lines} lines received; exit code ${result.code} (0 expected: the task succeeded)`,
    quiet
      ? `silent window ${quiet.seconds.toFixed(1)} s: ${quiet.requests} requests (${Object.entries(quiet.byRoute).map(([k, v]) => `${k} ×${v}`).join(', ') || 'none'}), ${quiet.settledRequests} of them after the first 5 s`
      : 'silent window not reached',
  ];
  b.print(block(title, ['', 'value', 'target', ''], rows, notes));
  return { p50, p95, max: Math.max(...delays), silentRate: rate, settledRate, received: delays.length, exitCode: result.code };
}
