/**
 * The Compute API's filter tree (api-notes §3.3). Nodes and leaves are told
 * apart structurally (`filters` versus `field`); there is no Not node.
 */

export type NodeOperator = 'And' | 'Or';
export type UnitOperator =
  | 'Equal'
  | 'NotEqual'
  | 'LessThan'
  | 'LessThanOrEqual'
  | 'GreaterThan'
  | 'GreaterThanOrEqual'
  | 'Like';
export type MultiOperator = 'In' | 'NotIn';
export type LeafOperator = UnitOperator | MultiOperator;

export interface FilterNode {
  operator: NodeOperator;
  filters: Filter[];
}

export interface UnitLeaf {
  field: string;
  operator: UnitOperator;
  value: string;
}

export interface MultiLeaf {
  field: string;
  operator: MultiOperator;
  values: string[];
}

export type Filter = FilterNode | UnitLeaf | MultiLeaf;

export function isNode(filter: Filter): filter is FilterNode {
  return 'filters' in filter;
}

/**
 * Combine filters under one operator, splicing in children of nested nodes
 * with the same operator so the tree stays flat. Empty input yields
 * undefined and a single filter is returned bare, without a wrapper.
 *
 * Generic so structurally equal filter types declared elsewhere (the API
 * client's) combine without casts.
 */
export function combineFilters<F extends { operator: string }>(
  operator: NodeOperator,
  filters: readonly (F | undefined)[],
): F | undefined {
  const flat: F[] = [];
  for (const f of filters) {
    if (f === undefined) continue;
    if ('filters' in f && f.operator === operator) flat.push(...(f.filters as F[]));
    else flat.push(f);
  }
  if (flat.length === 0) return undefined;
  if (flat.length === 1) return flat[0];
  return { operator, filters: flat } as unknown as F;
}

/** AND several filters together (e.g. `--where` plus `--tag`), flattening. */
export function andFilters<F extends { operator: string } = Filter>(filters: readonly (F | undefined)[]): F | undefined {
  return combineFilters('And', filters);
}

export function orFilters<F extends { operator: string } = Filter>(filters: readonly (F | undefined)[]): F | undefined {
  return combineFilters('Or', filters);
}
