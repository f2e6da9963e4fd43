#!/usr/bin/env node
// Entry point. `--version` is answered before anything else is loaded: it is
// what scripts call most often to probe the tool.
import { VERSION } from './version.js';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  const { main } = await import('./main.js');
  await main(process.argv);
}
