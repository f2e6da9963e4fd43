// Entry point, loaded by bin/qarnot.cjs. `--version` is answered before anything else is
// loaded: it is what scripts call most often to probe the tool.
import { cacheCompiledChunks, compileCacheDir, type ModuleClass } from './lib/compile-cache.js';

// Built-ins through getBuiltinModule, not `import`: the cost of an import depends on the
// bundle's format (see output/stdio.ts); getBuiltinModule's does not.
const { writeSync } = process.getBuiltinModule('node:fs');

// The bundle's define, not an import of version.ts: cli.ts only ever runs bundled, and a
// module shared with the rest would be one more file to load before every command.
declare const __QARNOT_VERSION__: string;

// Node 22.1+ keeps compiled code between runs. Node 20 has no such cache (lib/compile-cache.ts
// keeps one for the chunks), and loading node:module there only to find that out costs two
// internal modules.
const hasCompileCache = Number(process.versions.node.split('.')[0]) >= 22;
if (hasCompileCache) {
  (process.getBuiltinModule('node:module') as { enableCompileCache?: (dir?: string) => unknown }).enableCompileCache?.(compileCacheDir(process.env));
}

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // Straight to the descriptor: building process.stdout would load Node's stream modules.
  try {
    writeSync(1, `${__QARNOT_VERSION__}\n`);
  } catch {
    // A reader that went away (`| head -0`) is not an error worth a stack trace.
  }
} else {
  const cacheDir = hasCompileCache ? undefined : compileCacheDir(process.env);
  // The bundle is CommonJS (scripts/build.mjs, writeCommonJs): `module` is this file's, and its
  // constructor Node's Module class. For the same reason, no top-level await below.
  if (cacheDir) cacheCompiledChunks(module.constructor as unknown as ModuleClass, __dirname, cacheDir);
  void import('./main.js').then(({ main }) => main(process.argv));
}
