import { spawnSync } from 'node:child_process';

/**
 * Whether tests that drive an outside program (zsh, fish, aws ...) should run.
 * Present: yes. Missing: the tests are skipped with one line on stderr saying
 * how to install it, except under CI (the CI env var set, as .ci/run does),
 * where they run and fail, so that a CI box missing it cannot pass by skipping.
 */
export function outsideProgram(name: string, install: string, probe: string[] = ['--version']): boolean {
  if (installed(name, probe)) return true;
  if (process.env.CI) return true;
  process.stderr.write(`[skipped] ${name} is not installed: its tests are skipped (${install}; required when CI is set)\n`);
  return false;
}

export function installed(name: string, probe: string[] = ['--version']): boolean {
  const result = spawnSync(name, probe, { stdio: 'ignore', timeout: 10_000 });
  return result.error === undefined && result.status === 0;
}
