import type { ResourceDescriptor } from '../../resources/resource.js';
import { defineVerb, type Verb } from '../define.js';
import type { SearchOptions } from '../shared/search.js';

const EXAMPLES: Record<string, string[]> = {
  task: [
    "qarnot task search --where \"state = Failure and (name like 'render-*' or tags has urgent)\"",
    "qarnot task search --where 'state in (Success, Failure)' --select name,state --max 20",
    "qarnot task search --where 'not (profile = docker-batch)' --print-filter",
  ],
  pool: ["qarnot pool search --where 'state = FullyExecuting and tags has prod'", "qarnot pool search --where 'name like gpu-*' --select name,state"],
  job: ["qarnot job search --where 'state = Active and use-dependencies = true'", "qarnot job search --where 'created > -7d' -q"],
};

/** `qarnot task|pool|job search`: the search endpoints with the --where language, the same verb for every resource. */
export function searchVerb<T>(resource: ResourceDescriptor<T>): Verb {
  const noun = resource.name;
  return defineVerb<SearchOptions>({
    name: 'search',
    summary: `Search ${noun}s with a filter expression (--where), returning only the fields you --select`,
    description: `Search ${noun}s with a filter expression compiled to the API's filter tree.

Expression language:
  comparisons   field = value, !=, <, <=, >, >=, like 'pat*', in (a, b), not in (a, b)
  tags          tags has urgent
  logic         and, or, not, parentheses (not > and > or)
  values        bare words or 'quoted strings'; dates as 2026-11-01, 2026-11-01T10:00Z, -2h, -7d, '2h ago'
  ids           uuid, pool and job take uuids or shortnames (one request per shortname)

Fields are case-insensitive: run "qarnot ${noun} search --where x" to list them.`,
    examples: EXAMPLES[noun]!,
    options: (cmd) =>
      cmd
        .requiredOption('--where <expr>', 'filter expression')
        .option('--select <fields>', 'only these fields, e.g. name,state,status.executionProgress')
        .option('--max <n>', 'at most N results (default 100)')
        .option('--print-filter', 'print the compiled filter as JSON and send nothing (shortnames stay as typed)'),
    load: async () => {
      const { runSearch } = await import('../shared/search.js');
      return { run: (ctx, opts) => runSearch(ctx, opts, resource) };
    },
  });
}
