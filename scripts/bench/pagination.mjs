// 6. The emulator: paginating 10,000 tasks in pages of 100 (issue #2), full TaskOutput
// objects and summaries. The emulator runs as users run it (`qarnot emulator start`, its own
// process); the client is a bare node:http keep-alive loop that parses every page, as any
// client must, and checks that each task comes back exactly once.
import { Agent, request } from 'node:http';
import { startEmulator } from './emulator.mjs';
import { median } from './measure.mjs';
import { block, ms, verdict } from './report.mjs';

const TASKS = 10_000;
const PAGE = 100;
const TARGET_MS = 1_000;
const ROUTES = { 'full tasks': '/tasks/paginate', summaries: '/tasks/summaries/paginate' };

function post(agent, base, token, path, body) {
  const url = new URL(path, base);
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { authorization: token, 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) reject(new Error(`${path}: HTTP ${res.statusCode} ${text.slice(0, 200)}`));
          else resolve(JSON.parse(text));
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

async function walk(agent, emu, path) {
  const started = performance.now();
  const seen = new Set();
  let token = null;
  do {
    const page = await post(agent, emu.url, emu.token, path, { token, maximumResults: PAGE });
    for (const t of page.data) seen.add(t.uuid);
    token = page.nextToken;
  } while (token);
  const wallMs = performance.now() - started;
  if (seen.size !== TASKS) throw new Error(`${path}: the walk returned ${seen.size} distinct tasks, expected ${TASKS}`);
  return wallMs;
}

export async function benchPagination(b) {
  // Slow phases: the tasks stay Submitted, so every walk reads the same state.
  const emu = await startEmulator(b.bin, { speed: 0.001 });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    await emu.createTasks(TASKS, { tags: ['bench-page'], namePrefix: 'bench-page' });
    const figures = {};
    const rows = [];
    for (const [what, path] of Object.entries(ROUTES)) {
      const first = await walk(agent, emu, path);
      const next = [];
      for (let i = 0; i < b.rounds.listing; i++) next.push(await walk(agent, emu, path));
      figures[what] = { firstMs: first, medianMs: median(next) };
      rows.push([what, ms(first), ms(median(next)), verdict(first < TARGET_MS && median(next) < TARGET_MS)]);
    }
    b.print(
      block(`6. Emulator — ${TASKS.toLocaleString('en-US')} tasks paginated in pages of ${PAGE}`, ['objects', 'first walk', `next ${b.rounds.listing} (median)`, '< 1 s'], rows, [
        'separate emulator process (qarnot emulator start), node:http client parsing every page; each task seen once',
      ]),
    );
    return figures;
  } finally {
    agent.destroy();
    await emu.stop();
  }
}
