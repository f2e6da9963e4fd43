// Spawning and timing children, and the statistics the bench reports.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** GNU time gives a child's peak RSS (%M, KiB); Node cannot read it for a child. */
export const TIME_BIN = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

const scratch = mkdtempSync(join(tmpdir(), 'qarnot-bench-time-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
let timeFiles = 0;

/**
 * Runs one command to completion. Wall time is taken here, around the spawn
 * (so it includes process creation, exactly as a script calling it pays).
 * With `rss`, the command runs under /usr/bin/time, which adds the same ~1 ms
 * to both sides of a comparison, and peak RSS comes back in MiB (null when
 * /usr/bin/time is missing), with the child's CPU time (user + sys, 10 ms
 * resolution).
 * stdout is not kept unless asked (a 10,000-task listing is tens of MB):
 * `onStdout` sees each chunk, `keepStdout` keeps the text, `countLines` counts them.
 */
export function runMeasured(command, args, { env = process.env, rss = false, onStdout, keepStdout = false, countLines = false, timeoutMs = 120_000 } = {}) {
  const timeFile = rss && TIME_BIN ? join(scratch, `t${timeFiles++}`) : null;
  const [file, argv] = timeFile ? [TIME_BIN, ['-f', '%U %S %M', '-o', timeFile, command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(file, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stdoutBytes = 0;
    let lines = 0;
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdoutBytes += chunk.length;
      if (keepStdout) stdout += chunk;
      if (countLines) for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
      onStdout?.(chunk, child);
    });
    child.stderr.on('data', (chunk) => {
      if (stderr.length < 64 * 1024) stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      let rssMb = null;
      let cpuMs = null;
      if (timeFile) {
        const found = /([\d.]+) ([\d.]+) (\d+)\s*$/.exec(readFileSync(timeFile, 'utf8'));
        if (found) {
          cpuMs = (Number(found[1]) + Number(found[2])) * 1000;
          rssMb = Number(found[3]) / 1024;
        }
        rmSync(timeFile, { force: true });
      }
      resolve({ code, signal, wallMs, cpuMs, rssMb, stdout, stdoutBytes, lines, stderr });
    });
  });
}

/**
 * Runs every variant once per round, in an order that alternates between
 * rounds (A B, B A, A B ...), after one untimed warm-up of each: machine noise
 * then hits all variants alike. Sequential on purpose (2-core machines).
 * `variants`: { name: () => Promise<result> }; returns { name: [results] }.
 */
export async function interleave(variants, rounds, { warmup = 1 } = {}) {
  const names = Object.keys(variants);
  for (let i = 0; i < warmup; i++) for (const name of names) await variants[name]();
  const results = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) results[name].push(await variants[name]());
  }
  return results;
}

export function quantile(values, q) {
  const sorted = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export const median = (values) => quantile(values, 0.5);

/** Why a command cannot be benchmarked, from its first run; null when it worked. */
export function unavailable(result, missingVerbMarkers) {
  if (result.code === 0) return null;
  const text = result.stderr;
  if (missingVerbMarkers.some((m) => text.includes(m))) return 'n/a (verb missing)';
  const line = text.split('\n').find((l) => l.trim()) ?? `exit ${result.code ?? result.signal}`;
  return `n/a (failed: ${line.trim().slice(0, 120)})`;
}
