// Option declarations shared by the data verbs. Light: the noun's declarations import it at start-up.
import { DEFAULT_CONCURRENCY } from '../../storage/defaults.js';

export function transferOptions<C extends { option(flags: string, description: string, parse?: (v: string, p: string[] | undefined) => string[]): C }>(cmd: C, collect: (v: string, p: string[] | undefined) => string[]): C {
  return cmd
    .option('--concurrency <n>', `requests in flight at once (default ${DEFAULT_CONCURRENCY})`)
    .option('--exclude <glob>', 'skip paths matching this glob (repeatable; "*.tmp" at any depth, "logs/**" from the root)', collect)
    .option('--include <glob>', 'take back paths an earlier --exclude skipped (repeatable; the last matching rule wins)', collect);
}
