#!/usr/bin/env node
// Entry point. `--version` is answered before anything else is loaded: it is
// what scripts call most often to probe the tool.
import module from 'node:module';
import { VERSION } from './version.js';

// Node 22.1+ keeps compiled code between runs; Node 20 has no such cache.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  const { main } = await import('./main.js');
  await main(process.argv);
}
