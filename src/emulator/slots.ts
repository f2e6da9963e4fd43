import type { PoolRec } from './model.js';
import { isObj } from './util.js';

/** Task instances a pool runs at once: its nodes times multiSlotsSettings.slotsPerNode. */
export function slotCapacity(p: PoolRec): number {
  const m = p.input.multiSlotsSettings;
  const perNode = isObj(m) && typeof m.slotsPerNode === 'number' && m.slotsPerNode >= 1 ? m.slotsPerNode : 1;
  return p.instanceCount * perNode;
}
