import type { Pool } from '../../api/types.js';
import type { Context } from '../../context.js';
import { elapsedText, type WaitEntry } from '../shared/wait.js';

/** `pool render-farm: Opening 40s`: one line about a pool (`pool wait`, `pool stdout -f` until output starts). */
export function describePool(e: WaitEntry<Pool>, elapsedMs: number, c: Context['io']['colorErr']): string {
  return `pool ${e.item?.name ?? e.id}: ${e.state ?? 'checking…'}${e.error ? c.yellow(` (${e.error})`) : ''} ${c.dim(elapsedText(elapsedMs))}`;
}
