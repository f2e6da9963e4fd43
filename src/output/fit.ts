/** What the fitting needs to know of a column. */
export interface FitColumn {
  header: string;
  /** Free text (descriptions): truncated first. */
  flexible?: boolean;
  /** Gives way at this rank (lowest first) by being dropped. */
  drop?: number;
  /** Gives way at this rank by being abbreviated (states: `FullyEx…`). */
  shrink?: number;
  /** Copied by people (uuids, names, shortnames): never truncated (dropped only if it has a drop rank). */
  identifier?: boolean;
}

const MIN_WIDTH = 8;

/**
 * Widths that fit `available` columns, null for a dropped column. Free text
 * gives way first, then secondary columns by rank, then anything but an
 * identifier; identifiers are kept whole even when the line must wrap (as gh
 * and kubectl do: a cut uuid is useless).
 */
export function fitWidths(columns: readonly FitColumn[], natural: readonly number[], available: number | undefined, gap: number): (number | null)[] {
  const widths: (number | null)[] = [...natural];
  if (available === undefined) return widths;
  const total = () => widths.reduce<number>((sum, w) => sum + (w ?? 0), 0) + gap * (widths.filter((w) => w !== null).length - 1);
  const shrink = (i: number) => {
    const min = Math.max(columns[i]!.header.length, MIN_WIDTH);
    const cut = Math.min(total() - available, widths[i]! - min);
    if (cut > 0) widths[i]! -= cut;
  };
  const widestFirst = (indexes: number[]) => indexes.sort((a, b) => natural[b]! - natural[a]!);
  const all = columns.map((_c, i) => i);

  for (const i of widestFirst(all.filter((i) => columns[i]!.flexible && !columns[i]!.identifier))) {
    if (total() <= available) return widths;
    shrink(i);
  }
  const rank = (c: FitColumn) => c.drop ?? c.shrink;
  const ranked = all.filter((i) => rank(columns[i]!) !== undefined).sort((a, b) => rank(columns[a]!)! - rank(columns[b]!)!);
  for (const i of ranked) {
    if (total() <= available) return widths;
    if (columns[i]!.drop !== undefined) widths[i] = null;
    else if (!columns[i]!.identifier) shrink(i);
  }
  for (const i of widestFirst(all.filter((i) => widths[i] !== null && !columns[i]!.identifier))) {
    if (total() <= available) return widths;
    shrink(i);
  }
  return widths;
}
