/** `1 task`, `3 tasks`, `1 scaling policy`: a count with its noun, given in the plural. */
export function countOf(n: number, plural: string): string {
  if (n !== 1) return `${n} ${plural}`;
  return `${n} ${plural.endsWith('ies') ? `${plural.slice(0, -3)}y` : plural.replace(/s$/, '')}`;
}
