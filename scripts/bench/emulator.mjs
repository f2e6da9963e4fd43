/* global fetch -- Node 20 has it built in */
// Starts `qarnot emulator start` from the built binary, like the e2e helper
// (test/helpers/emulator.ts), and talks to it directly for setup and counters.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

let largeEmulator;

/**
 * The emulator with a task quota above its default of 20,000, which `qarnot emulator start`
 * does not let users change: the same source, bundled for the bench with its own entry point.
 */
async function largeEmulatorEntry() {
  largeEmulator ??= (async () => {
    const outfile = join(mkdtempSync(join(tmpdir(), 'qarnot-bench-emulator-')), 'emulator.cjs');
    const contents = `import { runEmulatorStart } from './src/emulator/command.ts';
const [speed, token, maxTask] = process.argv.slice(2);
runEmulatorStart({ port: 0, speed: Number(speed), token, quotas: { maxTask: Number(maxTask) } }, process).then((code) => { process.exitCode = code; });`;
    const resolveDir = fileURLToPath(new URL('../..', import.meta.url));
    await build({ stdin: { contents, resolveDir, loader: 'ts' }, bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'warning' });
    return outfile;
  })();
  return largeEmulator;
}

export async function startEmulator(bin, { speed = 50, faults, maxTasks } = {}) {
  const token = `bench-${Math.random().toString(36).slice(2)}`;
  const args = maxTasks
    ? [await largeEmulatorEntry(), String(speed), token, String(maxTasks)]
    : [bin, 'emulator', 'start', '--port', '0', '--speed', String(speed), '--token', token];
  if (faults) args.push('--faults', faults);
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, QARNOT_CONFIG_DIR: '/nonexistent-qarnot-bench' },
  });
  let stderr = '';
  // The emulator logs every request on stderr: drain it, keep only the start.
  child.stderr.on('data', (chunk) => {
    if (stderr.length < 4096) stderr += chunk;
  });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the emulator did not start within 20 s: ${stderr}`)), 20_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const found = /QARNOT_CLUSTER_URL=(\S+)\n[\s\S]*QARNOT_CLIENT_TOKEN=\S+\n/.exec(out);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the emulator exited early (${code}): ${stderr}`));
    });
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));

  async function call(method, path, body) {
    const res = await fetch(url + path, {
      method,
      headers: { authorization: token, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // plain text (output endpoints)
    }
    if (res.status >= 400) throw new Error(`${method} ${path}: HTTP ${res.status} ${text.slice(0, 200)}`);
    return parsed;
  }

  /** Creates `count` tasks that run no process, in bulk requests of 500; returns their uuids. */
  async function createTasks(count, { tags = ['bench'], namePrefix = 'bench', extra = {} } = {}) {
    const uuids = [];
    for (let start = 0; start < count; start += 500) {
      const items = [];
      for (let i = start; i < Math.min(count, start + 500); i++) {
        items.push({ name: `${namePrefix}-${i}`, profile: 'docker-batch', instanceCount: 1, tags, ...extra });
      }
      const results = await call('POST', '/tasks', items);
      for (const r of results) {
        if (!r.uuid) throw new Error(`bulk create failed: ${r.statusCode} ${r.message}`);
        uuids.push(r.uuid);
      }
    }
    return uuids;
  }

  return {
    url,
    token,
    env: { QARNOT_CLUSTER_URL: url, QARNOT_CLIENT_TOKEN: token },
    call,
    createTasks,
    requests: () => call('GET', '/_emulator/requests'),
    resetCounters: () => call('POST', '/_emulator/reset-counters'),
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
