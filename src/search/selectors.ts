/**
 * Filters for the list commands' plain selectors (`--tag`, `--state`,
 * `--name` ...), built here so every filter tree comes from one module.
 */
import { parseEnum } from '../lib/parse.js';
import { statesOf, type Resource } from './fields.js';
import { andFilters, orFilters, type Filter } from './filter.js';
import { toIsoUtc } from './where.js';

export interface Selectors {
  /** Has any of these tags. */
  tags?: readonly string[];
  /** Has all of these tags. */
  tagsAll?: readonly string[];
  /** In any of these states (case-insensitive; validated, sent canonical). */
  states?: readonly string[];
  /** Exact name. */
  name?: string;
  /** Name matching the API's Like pattern (`*` and `%` wildcards). */
  nameLike?: string;
  /** Created strictly after this instant. */
  createdAfter?: Date;
  /** Created strictly before this instant. */
  createdBefore?: Date;
}

const tagLeaf = (value: string): Filter => ({ field: 'Tags', operator: 'Equal', value });

/** AND of all given selectors; undefined when none is set. */
export function selectorFilter(resource: Resource, selectors: Selectors): Filter | undefined {
  const { tags = [], tagsAll = [], states = [], name, nameLike, createdAfter, createdBefore } = selectors;
  const canonicalStates = [...new Set(states.map((s) => parseEnum('--state', s, statesOf(resource))))];
  return andFilters([
    orFilters(tags.map(tagLeaf)),
    andFilters(tagsAll.map(tagLeaf)),
    stateFilter(canonicalStates),
    name === undefined ? undefined : { field: 'Name', operator: 'Equal', value: name },
    nameLike === undefined ? undefined : { field: 'Name', operator: 'Like', value: nameLike },
    createdAfter && { field: 'CreationDate', operator: 'GreaterThan', value: toIsoUtc(createdAfter) },
    createdBefore && { field: 'CreationDate', operator: 'LessThan', value: toIsoUtc(createdBefore) },
  ]);
}

function stateFilter(states: string[]): Filter | undefined {
  if (states.length === 0) return undefined;
  if (states.length === 1) return { field: 'State', operator: 'Equal', value: states[0]! };
  return { field: 'State', operator: 'In', values: states };
}
