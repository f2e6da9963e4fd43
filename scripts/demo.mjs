// `npm run demo`: the whole product in thirty seconds, offline. Starts the
// emulator on a free port with a temporary data directory, submits a
// 3-instance task, tails its output live, prints the final table, and stops.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/qarnot.cjs', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'qarnot-demo-data-'));
const configDir = mkdtempSync(join(tmpdir(), 'qarnot-demo-config-'));

const bold = process.stderr.isTTY && !process.env.NO_COLOR ? (t) => `\u001b[1m${t}\u001b[0m` : (t) => t;
const say = (text) => process.stderr.write(`\n${bold(`# ${text}`)}\n`);

say(`qarnot emulator start --port 0 --data ${dataDir}`);
const emulator = spawn(process.execPath, [bin, 'emulator', 'start', '--port', '0', '--speed', '4', '--data', dataDir], {
  stdio: ['ignore', 'pipe', 'pipe'],
});
// The emulator logs every request on stderr: keep its other messages only.
emulator.stderr.setEncoding('utf8');
emulator.stderr.on('data', (text) => {
  const kept = text.split('\n').filter((line) => line && !/^(GET|POST|PUT|PATCH|DELETE) \//.test(line));
  if (kept.length) process.stderr.write(`${kept.join('\n')}\n`);
});
const env = await new Promise((resolve, reject) => {
  let out = '';
  emulator.stdout.on('data', (chunk) => {
    out += chunk;
    const url = /QARNOT_CLUSTER_URL=(\S+)/.exec(out);
    const token = /QARNOT_CLIENT_TOKEN=(\S+)/.exec(out);
    if (url && token) resolve({ QARNOT_CLUSTER_URL: url[1], QARNOT_CLIENT_TOKEN: token[1] });
  });
  emulator.on('exit', (code) => reject(new Error(`the emulator exited with ${code}`)));
});

let exitCode = 0;
const qarnot = (args, { capture = false } = {}) => {
  say(`qarnot ${args.map((a) => (/\s|\$/.test(a) ? `'${a}'` : a)).join(' ')}`);
  const result = spawnSync(process.execPath, [bin, ...args], {
    stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'],
    env: { ...process.env, ...env, QARNOT_CONFIG_DIR: configDir },
    encoding: 'utf8',
  });
  if (result.status !== 0) exitCode = result.status ?? 1;
  if (capture) process.stdout.write(result.stdout);
  return result.stdout?.trim();
};

try {
  const uuid = qarnot(
    [
      'task', 'create', '--name', 'demo', '--shortname', 'demo', '--profile', 'docker-batch', '--instances', '3', '--tag', 'demo',
      '--constant', 'DOCKER_CMD=for i in 1 2 3 4; do echo "instance $INSTANCE_ID says hello ($i/4)"; sleep 0.7; done',
    ],
    { capture: true },
  );
  if (uuid) {
    qarnot(['task', 'stdout', 'demo', '--follow']);
    qarnot(['task', 'list', '--format', 'table']);
  }
} finally {
  say('stopping the emulator');
  emulator.kill('SIGTERM');
  await new Promise((resolve) => emulator.on('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(configDir, { recursive: true, force: true });
}
process.exitCode = exitCode;
