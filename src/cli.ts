// Entry point, loaded by bin/qarnot.cjs. `--version` is answered before anything else is
// loaded: it is what scripts call most often to probe the tool.
import { writeSync } from 'node:fs';

// The bundle's define, not an import of version.ts: cli.ts only ever runs bundled, and a
// module shared with the rest would be one more file to load before every command.
declare const __QARNOT_VERSION__: string;

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // Straight to the descriptor: building process.stdout would load Node's stream modules.
  try {
    writeSync(1, `${__QARNOT_VERSION__}\n`);
  } catch {
    // A reader that went away (`| head -0`) is not an error worth a stack trace.
  }
} else {
  void (async () => {
    // Node 22.1+ keeps the code it compiled between runs once asked. Node 20 has no such cache,
    // and loading node:module there only to find that out costs four internal modules.
    if (Number(process.versions.node.split('.')[0]) >= 22) {
      ((await import('node:module')) as { enableCompileCache?: () => unknown }).enableCompileCache?.();
    }
    const { main } = await import('./main.js');
    await main(process.argv);
  })();
}
