import { execa } from 'execa';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';

// The README's first command: `npm ci && npm run demo` (the build is done by the global setup).
it('npm run demo runs a 3-instance task live and prints the final table', async () => {
  const result = await execa('node', ['scripts/demo.mjs'], { cwd: ROOT, reject: false, env: { NO_COLOR: '1' } });
  expect(result.exitCode, result.stderr).toBe(0);
  for (const instance of [0, 1, 2]) expect(result.stdout).toContain(`${instance}> instance ${instance} says hello (4/4)`);
  expect(result.stdout).toMatch(/^UUID\s+NAME\s+SHORTNAME\s+STATE/m);
  expect(result.stdout).toMatch(/demo\s+demo\s+Success\s+100%\s+3\s+docker-batch/);
  expect(result.stderr).toMatch(/Stopping the emulator/);
}, 60_000);
