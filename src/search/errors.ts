import { UsageError } from '../errors.js';

/**
 * A `--where` expression that does not parse or compile. The message's first
 * line names the problem and the 1-based column; the next two lines repeat the
 * expression with a caret under that column.
 */
export class WhereSyntaxError extends UsageError {
  constructor(
    readonly expression: string,
    readonly column: number,
    /** What went wrong, without the column (e.g. `expected a value after "="`). */
    readonly problem: string,
    /** Extra advice appended after the column, e.g. `; known fields: ...`. */
    suffix = '',
  ) {
    super(formatWhereError(expression, column, problem, suffix));
  }
}

function formatWhereError(expression: string, column: number, problem: string, suffix: string): string {
  // Tabs and newlines would misalign the caret; show them as single spaces.
  const shown = expression.replace(/[\t\r\n]/g, ' ');
  const caret = ' '.repeat(Math.max(0, column - 1)) + '^';
  return `--where: ${problem} at column ${column}${suffix}\n  ${shown}\n  ${caret}`;
}
