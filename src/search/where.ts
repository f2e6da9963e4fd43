/**
 * The `--where` language: a readable boolean expression compiled to the
 * API's filter tree.
 *
 *   expr       := and ("or" and)*
 *   and        := unary ("and" unary)*
 *   unary      := "not" unary | "(" expr ")" | comparison
 *   comparison := FIELD ("=" | "!=" | "<" | "<=" | ">" | ">=" | "like" | "has") VALUE
 *               | FIELD ["not"] "in" "(" VALUE ("," VALUE)* ")"
 *
 * The API has no Not node, so negation is pushed down to the leaves
 * (De Morgan) while compiling.
 */
import { msToTimeSpan } from '../lib/timespan.js';
import { isShortname, isUuid, parseDuration, tryParseDate } from '../lib/parse.js';
import { WhereSyntaxError } from './errors.js';
import { findField, knownFields, statesOf, type FieldDef, type FieldKind, type Resource } from './fields.js';
import { combineFilters, type Filter, type LeafOperator, type UnitOperator } from './filter.js';
import { isKeyword, KEYWORDS, tokenize, type Token } from './lexer.js';

type Ast =
  | { kind: 'and' | 'or'; items: Ast[] }
  | { kind: 'not'; item: Ast }
  | Comparison;

interface Comparison {
  kind: 'cmp';
  field: FieldDef;
  operator: LeafOperator;
  /** The operator as typed (`=`, `like`, `not in`), for messages. */
  opText: string;
  opColumn: number;
  /** API-ready values: one for unit operators, one or more for In/NotIn. */
  values: string[];
}

const COMPARISON_OPERATORS: Record<string, UnitOperator> = {
  '=': 'Equal',
  '!=': 'NotEqual',
  '<': 'LessThan',
  '<=': 'LessThanOrEqual',
  '>': 'GreaterThan',
  '>=': 'GreaterThanOrEqual',
};

const ORDERED_KINDS: readonly FieldKind[] = ['text', 'date', 'integer', 'duration'];
const LIKE_KINDS: readonly FieldKind[] = ['text', 'uuid', 'state'];

const NEGATED: Record<LeafOperator, LeafOperator | undefined> = {
  Equal: 'NotEqual',
  NotEqual: 'Equal',
  LessThan: 'GreaterThanOrEqual',
  GreaterThanOrEqual: 'LessThan',
  LessThanOrEqual: 'GreaterThan',
  GreaterThan: 'LessThanOrEqual',
  In: 'NotIn',
  NotIn: 'In',
  Like: undefined,
};

/**
 * Compile a `--where` expression for one resource. Relative dates are
 * resolved against `now`. Throws WhereSyntaxError (a UsageError).
 */
export function compileWhere(expr: string, resource: Resource, now: Date): Filter {
  const ast = new Parser(expr, resource, now).parseAll();
  return compile(ast, false, expr);
}

function compile(ast: Ast, negated: boolean, expr: string): Filter {
  switch (ast.kind) {
    case 'not':
      return compile(ast.item, !negated, expr);
    case 'and':
    case 'or': {
      // De Morgan: not (a and b) = (not a) or (not b), and vice versa.
      const and = (ast.kind === 'and') !== negated;
      const children = ast.items.map((item) => compile(item, negated, expr));
      return combineFilters(and ? 'And' : 'Or', children)!;
    }
    case 'cmp':
      return compileComparison(ast, negated, expr);
  }
}

function compileComparison(cmp: Comparison, negated: boolean, expr: string): Filter {
  let operator: LeafOperator | undefined = cmp.operator;
  if (negated) {
    operator = NEGATED[cmp.operator];
    if (operator === undefined) {
      throw new WhereSyntaxError(
        expr,
        cmp.opColumn,
        `cannot negate "${cmp.field.name} like ...": the API has no "not like"`,
        '; rewrite the condition without "not"',
      );
    }
  }
  const field = cmp.field.api;
  if (cmp.field.kind === 'tags' && (operator === 'In' || operator === 'NotIn')) {
    // Tags is a collection: membership is Equal per tag, so "in" means "has any
    // of" and "not in" means "has none of".
    const each: UnitOperator = operator === 'In' ? 'Equal' : 'NotEqual';
    const leaves = cmp.values.map((value): Filter => ({ field, operator: each, value }));
    return combineFilters(operator === 'In' ? 'Or' : 'And', leaves)!;
  }
  if (cmp.field.kind === 'date' && EQUALITY[operator] !== undefined && cmp.values.some(isMidnight)) {
    return dateEquality(field, operator, cmp.values);
  }
  if (operator === 'In' || operator === 'NotIn') return { field, operator, values: cmp.values };
  return { field, operator, value: cmp.values[0]! };
}

const DAY_MS = 86_400_000;
const isMidnight = (iso: string): boolean => Date.parse(iso) % DAY_MS === 0;
/** For =, !=, in and not in: whether each value is one it is (true) or one it is not (false). */
const EQUALITY: Partial<Record<LeafOperator, boolean>> = { Equal: true, In: true, NotEqual: false, NotIn: false };

/**
 * `created = 2026-11-01` (or today, yesterday: a UTC midnight) means that day, as gh's
 * `created:2026-11-01` does: no task is created at the exact millisecond of midnight, so an
 * Equal would match nothing. Other instants are compared as they are.
 */
function dateEquality(field: string, operator: LeafOperator, values: string[]): Filter {
  const equal = EQUALITY[operator]!;
  const each = values.map((value): Filter => {
    if (!isMidnight(value)) return { field, operator: equal ? 'Equal' : 'NotEqual', value };
    const end = toIsoUtc(new Date(Date.parse(value) + DAY_MS));
    return equal
      ? combineFilters('And', [{ field, operator: 'GreaterThanOrEqual', value }, { field, operator: 'LessThan', value: end }])!
      : combineFilters('Or', [{ field, operator: 'LessThan', value }, { field, operator: 'GreaterThanOrEqual', value: end }])!;
  });
  return combineFilters(equal ? 'Or' : 'And', each)!;
}

/** Deeper nesting of parentheses or "not" is refused: no real filter needs it, and the parser recurses. */
export const MAX_WHERE_DEPTH = 100;

class Parser {
  private readonly tokens: Token[];
  private pos = 0;
  private depth = 0;

  constructor(
    private readonly expr: string,
    private readonly resource: Resource,
    private readonly now: Date,
  ) {
    this.tokens = tokenize(expr);
  }

  parseAll(): Ast {
    const ast = this.parseOr();
    const next = this.peek();
    if (next.type !== 'eof') {
      if (next.type === 'rparen') this.fail(next, 'unexpected ")" with no matching "("');
      this.fail(next, 'expected "and", "or" or the end of the expression', next);
    }
    return ast;
  }

  private parseOr(): Ast {
    return this.parseChain('or', () => this.parseAnd());
  }

  private parseAnd(): Ast {
    return this.parseChain('and', () => this.parseUnary());
  }

  private parseChain(keyword: 'and' | 'or', parseItem: () => Ast): Ast {
    const items = [parseItem()];
    while (isKeyword(this.peek(), keyword)) {
      this.pos++;
      items.push(parseItem());
    }
    return items.length === 1 ? items[0]! : { kind: keyword, items };
  }

  private parseUnary(): Ast {
    const token = this.peek();
    if (isKeyword(token, 'not') || token.type === 'lparen') {
      if (++this.depth > MAX_WHERE_DEPTH) this.fail(token, `too deeply nested (more than ${MAX_WHERE_DEPTH} levels of "(" and "not")`);
      try {
        return this.parseNested(token);
      } finally {
        this.depth--;
      }
    }
    return this.parseComparison();
  }

  private parseNested(token: Token): Ast {
    if (isKeyword(token, 'not')) {
      this.pos++;
      return { kind: 'not', item: this.parseUnary() };
    }
    if (token.type === 'lparen') {
      this.pos++;
      const inner = this.parseOr();
      const close = this.peek();
      if (close.type !== 'rparen') {
        this.fail(close, 'expected ")"', close, `; the "(" at column ${token.column} is still open`);
      }
      this.pos++;
      return inner;
    }
    throw new Error('parseNested: not a "(" nor "not"');
  }

  private parseComparison(): Comparison {
    const fieldToken = this.peek();
    if (fieldToken.type !== 'word' || KEYWORDS.has(fieldToken.value.toLowerCase())) {
      this.fail(fieldToken, 'expected a field name', fieldToken);
    }
    const field = findField(this.resource, fieldToken.value);
    if (!field) {
      throw new WhereSyntaxError(
        this.expr,
        fieldToken.column,
        `unknown field ${JSON.stringify(fieldToken.value)}`,
        `; known fields: ${knownFields(this.resource).join(', ')}`,
      );
    }
    this.pos++;
    const opToken = this.peek();
    const base = { kind: 'cmp' as const, field, opColumn: opToken.column };

    if (opToken.type === 'op') {
      this.pos++;
      const operator = COMPARISON_OPERATORS[opToken.value]!;
      this.checkOperator(field, opToken, operator);
      const value = this.parseValue(field, `after "${opToken.text}"`);
      return { ...base, operator, opText: opToken.text, values: [value] };
    }
    if (isKeyword(opToken, 'like')) {
      this.pos++;
      this.checkOperator(field, opToken, 'Like');
      const pattern = this.expectValueToken(`after "like"`).value;
      // Uuids are written in lower case: 'CC80*' must find them too, whatever the API's Like does with case.
      return { ...base, operator: 'Like', opText: 'like', values: [field.kind === 'uuid' ? pattern.toLowerCase() : pattern] };
    }
    if (isKeyword(opToken, 'has')) {
      this.pos++;
      if (field.kind !== 'tags') {
        this.fail(opToken, `"has" only applies to tags, not ${field.name}`, undefined, '; use "=" instead');
      }
      const value = this.parseValue(field, 'after "has"');
      return { ...base, operator: 'Equal', opText: 'has', values: [value] };
    }
    if (isKeyword(opToken, 'in')) {
      this.pos++;
      return { ...base, operator: 'In', opText: 'in', values: this.parseList(field, 'in') };
    }
    if (isKeyword(opToken, 'not')) {
      this.pos++;
      const inToken = this.peek();
      if (!isKeyword(inToken, 'in')) this.fail(inToken, 'expected "in" after "not"', inToken);
      this.pos++;
      return { ...base, operator: 'NotIn', opText: 'not in', values: this.parseList(field, 'not in') };
    }
    return this.fail(
      opToken,
      `expected an operator (=, !=, <, <=, >, >=, like, in, not in, has) after "${fieldToken.text}"`,
      opToken,
    );
  }

  /** Reject operators that mean nothing for the field's kind, at the operator. */
  private checkOperator(field: FieldDef, opToken: Token, operator: UnitOperator): void {
    const name = opToken.text;
    if (field.kind === 'tags' && operator !== 'Equal' && operator !== 'NotEqual') {
      this.fail(opToken, `"${name}" does not apply to tags`, undefined, '; use has, =, !=, in or not in');
    }
    if (operator === 'Like' && !LIKE_KINDS.includes(field.kind)) {
      this.fail(opToken, `"like" does not apply to ${field.name}`, undefined, '; it matches text fields only');
    }
    const ordered = operator.startsWith('Less') || operator.startsWith('Greater');
    if (ordered && !ORDERED_KINDS.includes(field.kind)) {
      this.fail(opToken, `"${name}" does not apply to ${field.name}`, undefined, '; use =, != or in');
    }
  }

  private parseList(field: FieldDef, opText: string): string[] {
    const open = this.peek();
    if (open.type !== 'lparen') this.fail(open, `expected "(" after "${opText}"`, open);
    this.pos++;
    const values = [this.parseValue(field, 'in the list')];
    for (;;) {
      const next = this.peek();
      if (next.type === 'rparen') break;
      if (next.type !== 'comma') this.fail(next, 'expected "," or ")" in the list', next);
      this.pos++;
      values.push(this.parseValue(field, 'after ","'));
    }
    this.pos++;
    return values;
  }

  /** A bare word or quoted string; unquoted keywords are refused with a hint. */
  private expectValueToken(where: string): Token {
    const token = this.peek();
    if (token.type === 'string' || (token.type === 'word' && !KEYWORDS.has(token.value.toLowerCase()))) {
      this.pos++;
      return token;
    }
    if (token.type === 'word') {
      const hint = `, found the keyword "${token.text}"; quote it to use it as a value`;
      this.fail(token, `expected a value ${where}`, undefined, hint);
    }
    return this.fail(token, `expected a value ${where}`, token);
  }

  /** Read a value and convert it to the string the API expects for the field. */
  private parseValue(field: FieldDef, where: string): string {
    const token = this.expectValueToken(where);
    let raw = token.value;
    // `created > 2h ago` arrives as two words; rejoin them.
    if (field.kind === 'date' && token.type === 'word' && isKeyword(this.peek(), 'ago')) {
      this.pos++;
      raw = `${raw} ago`;
    }
    return this.convertValue(field, raw, token);
  }

  private convertValue(field: FieldDef, raw: string, token: Token): string {
    const shown = JSON.stringify(raw);
    const invalid = (problem: string, advice: string): never => this.fail(token, problem, undefined, `; ${advice}`);
    switch (field.kind) {
      case 'text':
      case 'tags':
        return raw;
      case 'uuid':
        // The API writes uuids in lower case and compares them as text: a GUID copied in upper case must match too.
        if (isUuid(raw)) return raw.toLowerCase();
        // Anything else is looked up by shortname (or uuid prefix) before the list is asked for.
        return isShortname(raw) ? raw : invalid(`invalid ${field.name} ${shown}`, 'expected a uuid, the start of one, or a shortname');
      case 'state': {
        const states = statesOf(this.resource);
        const match = states.find((s) => s.toLowerCase() === raw.toLowerCase());
        return match ?? invalid(`invalid ${this.resource} state ${shown}`, `expected one of ${states.join(', ')}`);
      }
      case 'date': {
        const date = tryParseDate(raw, this.now);
        if (!date || Number.isNaN(date.getTime())) {
          return invalid(`invalid date ${shown} for ${field.name}`, 'use 2026-11-01, 2026-11-01T10:00:00Z, -2h, -7d, "2h ago", now, today or yesterday');
        }
        return toIsoUtc(date);
      }
      case 'integer':
        return /^\d+$/.test(raw) ? String(Number(raw)) : invalid(`invalid number ${shown} for ${field.name}`, 'expected a non-negative integer');
      case 'duration':
        try {
          return msToTimeSpan(parseDuration(field.name, raw));
        } catch {
          return invalid(`invalid duration ${shown} for ${field.name}`, 'use 30s, 5m, 1h30m, 2d or hh:mm:ss');
        }
      case 'boolean': {
        const lower = raw.toLowerCase();
        if (lower === 'true' || lower === 'false') return lower;
        return invalid(`invalid value ${shown} for ${field.name}`, 'expected true or false');
      }
    }
  }

  private peek(): Token {
    return this.tokens[this.pos]!;
  }

  /** Throw at the token; with `got` (not at the end), say what was found instead. */
  private fail(token: Token, problem: string, got?: Token, suffix = ''): never {
    const found = got && got.type !== 'eof' ? `, found ${JSON.stringify(got.text)}` : '';
    throw new WhereSyntaxError(this.expr, token.column, problem, found + suffix);
  }
}

/** `2026-11-01T00:00:00Z`: ISO-8601 UTC, milliseconds only when present. */
export function toIsoUtc(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}
