// Entry point, loaded by bin/qarnot.cjs. `--version` is answered before anything else is
// loaded: it is what scripts call most often to probe the tool.
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { codeCacheDir, loadChunk } from './lib/chunk-loader.js';
import type * as Main from './main.js';

// The build's defines (scripts/build.mjs), not an import of version.ts: cli.ts only ever runs
// bundled, and a module shared with the rest would be one more file to load before every command.
declare const __QARNOT_VERSION__: string;
/** The file name of src/main.ts's chunk, which carries the hash of its content. */
declare const __QARNOT_MAIN_CHUNK__: string;

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
    // The rest of the CLI is src/main.ts and the chunks it loads (scripts/build.mjs), beside this file.
    const chunksDir = join(import.meta.dirname, 'chunks');
    const { Script } = await import('node:vm');
    const { main } = loadChunk(Script, join(chunksDir, __QARNOT_MAIN_CHUNK__), codeCacheDir(process.env, chunksDir)) as typeof Main;
    await main(process.argv);
  })().catch((error: unknown) => {
    // What main could not report (its own chunks missing): one line, not a stack trace.
    try {
      writeSync(2, `error: ${error instanceof Error ? error.message : String(error)}\n`);
    } catch {
      // stderr closed
    }
    process.exitCode = 1;
  });
}
