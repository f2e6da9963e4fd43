/** The `--where` language, `--select` field mapping and selector filters. */
export { compileWhere, toIsoUtc } from './where.js';
export { WhereSyntaxError } from './errors.js';
export {
  andFilters,
  orFilters,
  combineFilters,
  isNode,
  type Filter,
  type FilterNode,
  type UnitLeaf,
  type MultiLeaf,
  type LeafOperator,
  type UnitOperator,
  type MultiOperator,
  type NodeOperator,
} from './filter.js';
export {
  knownFields,
  mapSelectFields,
  findField,
  fieldsOf,
  statesOf,
  type Resource,
  type FieldDef,
  type FieldKind,
} from './fields.js';
export { selectorFilter, type Selectors } from './selectors.js';
