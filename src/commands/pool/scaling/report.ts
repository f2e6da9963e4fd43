import type { Context } from '../../../context.js';
import { formatProblem, type Problem } from '../../../scaling/model.js';

/** One problem per line, path first, on the given stream. */
export function printProblems(ctx: Context, problems: readonly Problem[], to: 'out' | 'err'): void {
  const text = problems.map((p) => `${formatProblem(p)}\n`).join('');
  if (to === 'out') ctx.io.out(text);
  else ctx.io.err(text);
}

export function problemCount(n: number): string {
  return `${n} problem${n === 1 ? '' : 's'}`;
}
