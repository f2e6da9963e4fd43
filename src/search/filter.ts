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
 */
export function combineFilters(operator: NodeOperator, filters: readonly (Filter | undefined)[]): Filter | undefined {
  const flat: Filter[] = [];
  for (const f of filters) {
    if (f === undefined) continue;
    if (isNode(f) && f.operator === operator) flat.push(...f.filters);
    else flat.push(f);
  }
  if (flat.length === 0) return undefined;
  if (flat.length === 1) return flat[0];
  return { operator, filters: flat };
}

/** AND several filters together (e.g. `--where` plus `--tag`), flattening. */
export function andFilters(filters: readonly (Filter | undefined)[]): Filter | undefined {
  return combineFilters('And', filters);
}

export function orFilters(filters: readonly (Filter | undefined)[]): Filter | undefined {
  return combineFilters('Or', filters);
}
