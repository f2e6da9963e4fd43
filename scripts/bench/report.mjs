// Plain-text blocks: one per benchmark, aligned columns, PASS/FAIL per target.
export const ms = (v) => (Number.isFinite(v) ? `${v.toFixed(v < 100 ? 1 : 0)} ms` : 'n/a');
export const mb = (v) => (Number.isFinite(v) ? `${v.toFixed(1)} MB` : 'n/a');
export const ratio = (v) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : 'n/a');
export const verdict = (ok) => (ok === null || ok === undefined ? '' : ok ? 'PASS' : 'FAIL');

export function block(title, header, rows, notes = []) {
  const all = [header, ...rows].map((r) => r.map((c) => String(c ?? '')));
  const widths = all[0].map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r) => `  ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('   ')}`.trimEnd();
  const text = [`\n${title}`, line(all[0]), `  ${'-'.repeat(widths.reduce((a, w) => a + w + 3, -3))}`, ...all.slice(1).map(line), ...notes.map((n) => `  ${n}`)];
  return `${text.join('\n')}\n`;
}
