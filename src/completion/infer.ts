// Which values an option or an argument takes. Commander `.choices()` are read
// from the tree; everything else is inferred from names (and, for enums, from
// the help text), so options added to the tree later complete without a change here.
import { JOB } from '../resources/job.js';
import { POOL } from '../resources/pool.js';
import { TASK } from '../resources/task.js';
import { CONFIG_KEYS } from '../commands/catalog.js';
import { FREE, type DynamicResource, type ValueKind } from './model.js';

const enumOf = (values: readonly string[]): ValueKind => ({ type: 'enum', values });
const dynamic = (resource: DynamicResource): ValueKind => ({ type: 'dynamic', resource });

const STATES_BY_NOUN: Record<string, readonly string[]> = { task: TASK.states, pool: POOL.states, job: JOB.states };

/** Enums that are neither commander choices nor listed in their help text (the CLI's spelling). */
const ENUM_OPTIONS: Record<string, readonly string[]> = {
  '--scheduling': ['flex', 'onDemand', 'reserved'],
};

/** Options whose value is the id of a resource, whatever command declares them. */
const RESOURCE_OPTIONS: Record<string, DynamicResource> = {
  '--pool': 'pool',
  '--job': 'job',
  '--task': 'task',
  '--depends-on': 'task',
  '--dependency': 'task',
  '--after': 'task',
};

const RESOURCE_NOUNS = new Set<DynamicResource>(['task', 'pool', 'job']);

export interface OptionFacts {
  long: string | undefined;
  short: string | undefined;
  /** The value placeholder, e.g. `file` for `--file <file>`. */
  placeholder: string | undefined;
  description: string;
  choices: readonly string[] | undefined;
  /** Declared on the root: a global option. */
  global: boolean;
}

/** `path` is the canonical command path of the command declaring the option (['task', 'list']). */
export function optionValue(path: readonly string[], o: OptionFacts): ValueKind {
  if (o.choices?.length) return enumOf(o.choices);
  // The help text is what the command validates against: it wins over the tables below.
  const listed = enumFromHelp(o.description);
  if (listed) return listed;
  const long = o.long ?? '';
  const noun = path[0] ?? '';
  if (long === '--state' && STATES_BY_NOUN[noun]) return enumOf(STATES_BY_NOUN[noun]!);
  if (ENUM_OPTIONS[long]) return enumOf(ENUM_OPTIONS[long]!);
  if (RESOURCE_OPTIONS[long]) return dynamic(RESOURCE_OPTIONS[long]!);
  // --context (and the deprecated global --profile) picks stored settings; a command's own --profile is an execution profile.
  if (long === '--context') return dynamic('config-profile');
  if (long === '--profile') return dynamic(o.global ? 'config-profile' : 'exec-profile');
  const fromPlaceholder = placeholderValue(o.placeholder);
  if (fromPlaceholder) return fromPlaceholder;
  if (long === '--file' || o.short === '-f') return { type: 'file' };
  return FREE;
}

/** `path` is the canonical path of the command the argument belongs to. */
export function argumentValue(path: readonly string[], name: string, choices: readonly string[] | undefined): ValueKind {
  if (choices?.length) return enumOf(choices);
  const noun = path[0] ?? '';
  const bare = name.replace(/s$/, '');
  if ((bare === 'id' || bare === 'uuid') && RESOURCE_NOUNS.has(noun as DynamicResource)) return dynamic(noun as DynamicResource);
  if (bare === 'name' || bare === 'profile') {
    if (noun === 'context' || (noun === 'config' && path.includes('profile'))) return dynamic('config-profile');
    if (noun === 'profile') return dynamic('exec-profile');
  }
  if (bare === 'key' && noun === 'config') return enumOf(CONFIG_KEYS);
  if (noun === 'bucket') {
    if (bare === 'name') return dynamic('bucket');
    if (['path', 'dest', 'src', 'dst', 'key'].includes(bare)) return dynamic('bucket-location');
    if (bare === 'local') return { type: 'file' };
  }
  return placeholderValue(name) ?? FREE;
}

function placeholderValue(placeholder: string | undefined): ValueKind | undefined {
  const p = (placeholder ?? '').replace(/s$/, '');
  if (p === 'file' || p === 'path') return { type: 'file' };
  if (p === 'dir' || p === 'directory') return { type: 'dir' };
  return undefined;
}

/** "in this state (repeatable): Active, Terminating, Completed": a help text ending in a list of words. */
export function enumFromHelp(description: string): ValueKind | undefined {
  const list = /:\s*([A-Za-z][\w-]*(?:,\s*[A-Za-z][\w-]*)+)\s*\.?\s*$/.exec(description);
  if (!list) return undefined;
  return enumOf(list[1]!.split(/,\s*/));
}
