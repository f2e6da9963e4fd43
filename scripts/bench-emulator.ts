// Benchmark: how long paginating 10,000 tasks in pages of 100 takes against an in-process
// emulator. Not a test: it prints a figure and asserts nothing about time.
// Run: npx esbuild scripts/bench-emulator.ts --bundle --platform=node --format=esm --outfile=/tmp/bench-emulator.mjs && node /tmp/bench-emulator.mjs
import { startEmulator } from '../src/emulator/index.js';

export async function benchEmulatorPagination(
  opts: { tasks?: number; pageSize?: number; summaries?: boolean } = {},
): Promise<{ tasks: number; pageSize: number; ms: number; cpuMs: number }> {
  const tasks = opts.tasks ?? 10_000;
  const pageSize = opts.pageSize ?? 100;
  const route = opts.summaries ? '/tasks/summaries/paginate' : '/tasks/paginate';
  // Slow phases keep the tasks from changing state during the walk; no commands, no processes.
  const emu = await startEmulator({ port: 0, speed: 0.001, log: () => undefined });
  const call = async (path: string, body: unknown) => {
    // Global fetch keeps this bundle-friendly (no CommonJS dependency).
    const res = await fetch(emu.url + path, {
      method: 'POST',
      headers: { authorization: emu.token, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as { data: unknown[]; nextToken: string | null };
    if (res.status >= 300 && res.status !== 207) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  try {
    for (let done = 0; done < tasks; done += 1000) {
      const n = Math.min(1000, tasks - done);
      await call('/tasks', Array.from({ length: n }, (_, i) => ({ name: `bench-${done + i}`, profile: 'docker-batch', instanceCount: 1 })));
    }
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    let token: string | null = null;
    let seen = 0;
    do {
      const page = await call(route, { token, maximumResults: pageSize });
      seen += page.data.length;
      token = page.nextToken;
    } while (token);
    const ms = performance.now() - started;
    // CPU time of this process (server and client sides): less sensitive to a loaded machine.
    const cpu = process.cpuUsage(cpuStart);
    if (seen !== tasks) throw new Error(`paginated ${seen} tasks, expected ${tasks}`);
    return { tasks, pageSize, ms: Math.round(ms), cpuMs: Math.round((cpu.user + cpu.system) / 1000) };
  } finally {
    await emu.stop();
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  for (const summaries of [false, true]) {
    const r = await benchEmulatorPagination({ summaries });
    const what = summaries ? 'task summaries (POST /tasks/summaries/paginate)' : 'full tasks (POST /tasks/paginate)';
    process.stdout.write(`paginated ${r.tasks} ${what} in pages of ${r.pageSize}: ${r.ms} ms (${r.cpuMs} ms CPU)\n`);
  }
}
