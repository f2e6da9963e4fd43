/** Tokens of the `--where` language, with 1-based columns for error carets. */
import { WhereSyntaxError } from './errors.js';

export type TokenType = 'word' | 'string' | 'op' | 'lparen' | 'rparen' | 'comma' | 'eof';

export interface Token {
  type: TokenType;
  /** The source text of the token (for `string`, including the quotes). */
  text: string;
  /** The value: unescaped for strings, the text otherwise. */
  value: string;
  column: number;
}

export const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'like', 'has']);

/** Is this a bare (unquoted) word equal to the keyword, in any case? */
export function isKeyword(token: Token, keyword: string): boolean {
  return token.type === 'word' && token.value.toLowerCase() === keyword;
}

// Bare words cover field names, states, tags, relative dates (-2h), ISO
// datetimes (2026-11-01T10:00:00+01:00) and like patterns (render-*, %x%).
const WORD_CHAR = /[\p{L}\p{N}_\-.*:/+%]/u;
const OPERATORS = ['!=', '<=', '>=', '<>', '==', '=', '<', '>'];
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r' };

/** The character at `i`, whole: letters beyond the BMP (𝒳, 𠀀) are two UTF-16 units. */
const charAt = (expr: string, i: number): string => String.fromCodePoint(expr.codePointAt(i)!);
const isWordChar = (expr: string, i: number): boolean => WORD_CHAR.test(charAt(expr, i));

export function tokenize(expr: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < expr.length) {
    const ch = expr[i]!;
    const column = i + 1;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ type: ch === '(' ? 'lparen' : ch === ')' ? 'rparen' : 'comma', text: ch, value: ch, column });
      i++;
    } else if (ch === "'" || ch === '"') {
      const { value, end } = readString(expr, i);
      tokens.push({ type: 'string', text: expr.slice(i, end), value, column });
      i = end;
    } else if (isWordChar(expr, i)) {
      let end = i;
      while (end < expr.length && isWordChar(expr, end)) end += charAt(expr, end).length;
      const text = expr.slice(i, end);
      tokens.push({ type: 'word', text, value: text, column });
      i = end;
    } else {
      const op = OPERATORS.find((o) => expr.startsWith(o, i));
      if (op === undefined) throw new WhereSyntaxError(expr, column, `unexpected character ${JSON.stringify(charAt(expr, i))}`);
      // `==` and `<>` are accepted spellings of `=` and `!=`.
      const value = op === '==' ? '=' : op === '<>' ? '!=' : op;
      tokens.push({ type: 'op', text: op, value, column });
      i += op.length;
    }
  }
  tokens.push({ type: 'eof', text: '', value: '', column: expr.length + 1 });
  return tokens;
}

/**
 * A quoted string starting at `start`. A backslash escapes a quote, a backslash, n, t or r;
 * before anything else it is kept, so `'C:\data'` means what it shows and is not `C:data`.
 */
function readString(expr: string, start: number): { value: string; end: number } {
  const quoteChar = expr[start]!;
  let value = '';
  let i = start + 1;
  while (i < expr.length) {
    const ch = expr[i]!;
    if (ch === quoteChar) return { value, end: i + 1 };
    if (ch === '\\' && i + 1 < expr.length) {
      const next = expr[i + 1]!;
      if (`'"\\`.includes(next) || Object.hasOwn(ESCAPES, next)) {
        value += ESCAPES[next] ?? next;
        i += 2;
      } else {
        value += ch;
        i++;
      }
    } else {
      value += ch;
      i++;
    }
  }
  throw new WhereSyntaxError(expr, start + 1, `unterminated string: missing closing ${quoteChar}`);
}
