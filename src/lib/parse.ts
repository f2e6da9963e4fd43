/**
 * Pure parsers for command-line values. Each takes the flag (or argument) name
 * first so its one-line UsageError can say which input was wrong and what is
 * allowed. No I/O: where time matters, `now` is a parameter.
 */
import { UsageError } from '../errors.js';
import { timeSpanToMs } from './timespan.js';

/**
 * Quote a user value for an error message, escaping what would break the line. A value
 * holding double quotes (and nothing to escape) goes in single quotes, as written: `'"abc"'`,
 * not `"\\"abc\\""`.
 */
export function quote(raw: string): string {
  const json = JSON.stringify(raw);
  return raw.includes('"') && !raw.includes("'") && json.length === raw.length + 2 + count(raw, '"') ? `'${raw}'` : json;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

export interface KeyValue {
  key: string;
  value: string;
}

/** `KEY=VALUE`, split on the first `=`; the value may be empty or contain `=`. */
export function parseKeyValue(flag: string, raw: string): KeyValue {
  const at = raw.indexOf('=');
  if (at <= 0) throw new UsageError(`${flag} expects KEY=VALUE, got ${quote(raw)}`);
  return { key: raw.slice(0, at), value: raw.slice(at + 1) };
}

export function parseKeyValueList(flag: string, raws: readonly string[]): KeyValue[] {
  return raws.map((raw) => parseKeyValue(flag, raw));
}

/** Labels are a map: a repeated key keeps its last value. */
export function parseLabels(flag: string, raws: readonly string[]): Record<string, string> {
  const map = new Map<string, string>();
  for (const { key, value } of parseKeyValueList(flag, raws)) map.set(key, value);
  // fromEntries defines own properties, so a key like "__proto__" stays data.
  return Object.fromEntries(map);
}

const CONSTANT_KEY_RE = /^[a-zA-Z0-9_.-]+$/;

export function parseConstantKey(flag: string, key: string): string {
  if (!CONSTANT_KEY_RE.test(key)) {
    throw new UsageError(`${flag} key must use only letters, digits, "_", "." and "-", got ${quote(key)}`);
  }
  return key;
}

export interface NumberBounds {
  min?: number;
  max?: number;
}

function describeBounds(kind: string, { min, max }: NumberBounds, exclusiveMin = false): string {
  if (min !== undefined && max !== undefined) {
    return exclusiveMin ? `${kind} greater than ${min} and at most ${max}` : `${kind} between ${min} and ${max}`;
  }
  if (min !== undefined) return exclusiveMin ? `${kind} greater than ${min}` : `${kind} >= ${min}`;
  if (max !== undefined) return `${kind} <= ${max}`;
  return kind;
}

const INTEGER_RE = /^-?\d+$/;

/** Strict decimal integer: no fractions, hex, exponents, trailing junk or blanks. */
/** The API's integers are 32-bit (.NET's int): a larger count is a typo, refused before it is sent. */
const MAX_API_INTEGER = 2 ** 31 - 1;

export function parseInteger(flag: string, raw: string, bounds: NumberBounds = {}): number {
  const text = raw.trim();
  const n = INTEGER_RE.test(text) ? Number(text) : NaN;
  if (bounds.max === undefined && n > MAX_API_INTEGER) throw new UsageError(`${flag} must be at most ${MAX_API_INTEGER}, got ${quote(raw)}`);
  const inRange =
    Number.isSafeInteger(n) &&
    (bounds.min === undefined || n >= bounds.min) &&
    (bounds.max === undefined || n <= bounds.max);
  if (!inRange) throw new UsageError(`${flag} must be ${describeBounds('an integer', bounds)}, got ${quote(raw)}`);
  return n;
}

const NUMBER_RE = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export interface NumberOptions extends NumberBounds {
  /** When true, `min` itself is rejected (e.g. a factor that must be > 0). */
  exclusiveMin?: boolean;
}

export function parseNumber(flag: string, raw: string, options: NumberOptions = {}): number {
  const text = raw.trim();
  const n = NUMBER_RE.test(text) ? Number(text) : NaN;
  const { min, max, exclusiveMin = false } = options;
  const aboveMin = min === undefined || (exclusiveMin ? n > min : n >= min);
  const belowMax = max === undefined || n <= max;
  if (!Number.isFinite(n) || !aboveMin || !belowMax) {
    throw new UsageError(`${flag} must be ${describeBounds('a number', options, exclusiveMin)}, got ${quote(raw)}`);
  }
  return n;
}

const TRUE_WORDS = new Set(['true', 'yes', '1']);
const FALSE_WORDS = new Set(['false', 'no', '0']);

export function parseBoolean(flag: string, raw: string): boolean {
  const word = raw.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  throw new UsageError(`${flag} expects true or false (or yes/no, 1/0), got ${quote(raw)}`);
}

const UNIT_MS: Record<string, number> = {};
function defineUnit(ms: number, names: string[]): void {
  for (const name of names) UNIT_MS[name] = ms;
}
defineUnit(1, ['ms', 'msec', 'msecs', 'millisecond', 'milliseconds']);
defineUnit(1000, ['s', 'sec', 'secs', 'second', 'seconds']);
defineUnit(60_000, ['m', 'min', 'mins', 'minute', 'minutes']);
defineUnit(3_600_000, ['h', 'hr', 'hrs', 'hour', 'hours']);
defineUnit(86_400_000, ['d', 'day', 'days']);
defineUnit(604_800_000, ['w', 'week', 'weeks']);

const DURATION_PART_RE = /(\d+(?:\.\d+)?|\.\d+)\s*([a-zA-Z]+)\s*/y;

/**
 * `1h30m`, `1h 30m`, `2 days`, `500ms` to milliseconds; undefined when the
 * text is not a sequence of NUMBER UNIT parts (units are case-insensitive).
 */
function parseUnitDuration(text: string): number | undefined {
  if (text === '') return undefined;
  DURATION_PART_RE.lastIndex = 0;
  let total = 0;
  while (DURATION_PART_RE.lastIndex < text.length) {
    const m = DURATION_PART_RE.exec(text);
    if (!m) return undefined;
    const unit = UNIT_MS[m[2]!.toLowerCase()];
    if (unit === undefined) return undefined;
    total += Number(m[1]) * unit;
  }
  return total;
}

const BARE_SECONDS_RE = /^(?:\d+(?:\.\d+)?|\.\d+)$/;
const DURATION_FORMS = 'a duration like 500ms, 30s, 5m, 1h30m, 2d, 90 (seconds) or [d.]hh:mm:ss';

/** A duration in milliseconds: unit form, bare seconds, or a .NET TimeSpan. */
/** The API's durations are .NET TimeSpans: at most 10,675,199 days. */
export const MAX_DURATION_MS = 10_675_199 * 86_400_000;

export function parseDuration(flag: string, raw: string, maxMs = MAX_DURATION_MS): number {
  const text = raw.trim();
  if (text.startsWith('-')) throw new UsageError(`${flag} must not be negative, got ${quote(raw)}`);
  let ms: number | undefined;
  if (BARE_SECONDS_RE.test(text)) ms = Number(text) * 1000;
  else if (text.includes(':')) ms = timeSpanToMs(text);
  else ms = parseUnitDuration(text);
  if (ms === undefined || !Number.isFinite(ms)) {
    throw new UsageError(`${flag} expects ${DURATION_FORMS}, got ${quote(raw)}`);
  }
  if (ms > maxMs) throw new UsageError(`${flag} must be at most ${formatDays(maxMs)}, got ${quote(raw)}`);
  return ms;
}

function formatDays(ms: number): string {
  const days = ms / 86_400_000;
  return Number.isInteger(days) ? `${days}d` : `${Math.floor(days)}d (${Math.floor(ms / 1000)} s)`;
}

export const SHORTNAME_MAX_LENGTH = 255;
const SHORTNAME_RE = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/;

export function isShortname(raw: string): boolean {
  return raw.length <= SHORTNAME_MAX_LENGTH && SHORTNAME_RE.test(raw);
}

export function parseShortname(flag: string, raw: string): string {
  if (!isShortname(raw)) {
    throw new UsageError(
      `${flag} must be 1-${SHORTNAME_MAX_LENGTH} letters, digits or "-", starting with a letter or digit and not ending with "-", got ${quote(raw)}`,
    );
  }
  return raw;
}

export const MAX_TAGS = 10;
export const MAX_TAG_LENGTH = 512;

/**
 * One tag per flag occurrence: the API allows commas inside a tag, so we
 * never split. Exact duplicates are dropped before counting.
 */
/**
 * A name or tag holding a new line, a tab or another control character is a paste gone wrong,
 * and would break every table and TSV line that shows it.
 */
export function refuseControlCharacters(what: string, raw: string): void {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(raw)) throw new UsageError(`${what} must not hold control characters (new lines, tabs), got ${quote(raw)}`);
}

export function parseTags(flag: string, raws: readonly string[]): string[] {
  const tags: string[] = [];
  for (const raw of raws) {
    if (raw.trim() === '') throw new UsageError(`${flag}: a tag must not be empty`);
    if (raw.length > MAX_TAG_LENGTH) {
      throw new UsageError(`${flag}: a tag must be at most ${MAX_TAG_LENGTH} characters, got ${raw.length}`);
    }
    refuseControlCharacters(`${flag}: a tag`, raw);
    if (!tags.includes(raw)) tags.push(raw);
  }
  if (tags.length > MAX_TAGS) {
    throw new UsageError(`${flag}: at most ${MAX_TAGS} tags are allowed, got ${tags.length}`);
  }
  return tags;
}

const DAY_MS = 86_400_000;
const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATETIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const DATE_FORMS =
  '2026-11-01, 2026-11-01T10:00:00Z (no zone = UTC), -2h, -7d, -30m, -90s, -1w, "2h ago", now, today or yesterday';

function utcMidnight(date: Date): Date {
  return new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS);
}

/** Date.UTC silently rolls 2026-02-30 over to March; round-trip to reject it. */
function validUtc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number | undefined {
  if (mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 59) return undefined;
  const t = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const check = new Date(t);
  return check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d ? t : undefined;
}

function zoneOffsetMs(zone: string | undefined): number | undefined {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3]);
  if (hours > 23 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}

function parseIsoDate(text: string): number | undefined {
  const day = ISO_DATE_RE.exec(text);
  if (day) return validUtc(Number(day[1]), Number(day[2]), Number(day[3]));
  const dt = ISO_DATETIME_RE.exec(text);
  if (!dt) return undefined;
  const ms = dt[7] ? Math.floor(Number(`0.${dt[7]}`) * 1000) : 0;
  const local = validUtc(
    Number(dt[1]), Number(dt[2]), Number(dt[3]), Number(dt[4]), Number(dt[5]), Number(dt[6] ?? 0), ms,
  );
  const offset = zoneOffsetMs(dt[8]);
  return local === undefined || offset === undefined ? undefined : local - offset;
}

/** `-2h`, `-1h30m`, `2h ago`, `3 days ago` to a distance before now in ms. */
function parseRelativeAgo(text: string): number | undefined {
  const lower = text.toLowerCase();
  if (lower.startsWith('-')) return parseUnitDuration(lower.slice(1).trim());
  const ago = /^(.*\S)\s+ago$/.exec(lower);
  return ago ? parseUnitDuration(ago[1]!) : undefined;
}

/** Parse a point in time; the result is undefined for anything unrecognised. */
export function tryParseDate(raw: string, now: Date): Date | undefined {
  const text = raw.trim();
  switch (text.toLowerCase()) {
    case 'now':
      return new Date(now.getTime());
    case 'today':
      return utcMidnight(now);
    case 'yesterday':
      return new Date(utcMidnight(now).getTime() - DAY_MS);
  }
  const iso = parseIsoDate(text);
  if (iso !== undefined) return new Date(iso);
  const ago = parseRelativeAgo(text);
  if (ago !== undefined) return new Date(now.getTime() - ago);
  return undefined;
}

export function parseDate(flag: string, raw: string, now: Date): Date {
  const date = tryParseDate(raw, now);
  if (!date || Number.isNaN(date.getTime())) {
    throw new UsageError(`${flag} expects a date: ${DATE_FORMS}; got ${quote(raw)}`);
  }
  return date;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(raw: string): boolean {
  return UUID_RE.test(raw);
}

/** The API resolves both forms on `/{resource}/{uuid}`, so keep what was typed. */
export function parseUuidOrShortname(flag: string, raw: string): string {
  if (isUuid(raw) || isShortname(raw)) return raw;
  throw new UsageError(
    `${flag} must be a uuid or a shortname (letters, digits and "-", starting with a letter or digit), got ${quote(raw)}`,
  );
}

/** Case-insensitive match returning the canonical spelling from `allowed`. */
export function parseEnum<T extends string>(flag: string, raw: string, allowed: readonly T[]): T {
  const wanted = raw.trim().toLowerCase();
  const match = allowed.find((value) => value.toLowerCase() === wanted);
  if (match === undefined) {
    throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, got ${quote(raw)}`);
  }
  return match;
}

export interface SortSpec<F extends string = string> {
  field: F;
  order: 'ASC' | 'DESC';
}

/** `FIELD[:asc|desc]`; the order defaults to ascending. */
export function parseSort<F extends string>(flag: string, raw: string, allowedFields: readonly F[]): SortSpec<F> {
  const fail = (): never => {
    throw new UsageError(
      `${flag} expects FIELD[:asc|desc] with FIELD one of ${allowedFields.join(', ')}, got ${quote(raw)}`,
    );
  };
  const [fieldText, orderText, extra] = raw.trim().split(':');
  if (extra !== undefined) fail();
  const field = allowedFields.find((f) => f.toLowerCase() === fieldText!.trim().toLowerCase());
  if (field === undefined) return fail();
  const order = orderText === undefined ? 'asc' : orderText.trim().toLowerCase();
  if (order !== 'asc' && order !== 'desc') return fail();
  return { field, order: order === 'asc' ? 'ASC' : 'DESC' };
}

const FIELD_PATH_RE = /^[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)*$/;

/** `name,state,status.executionProgress` to trimmed dotted paths, no empties. */
export function parseFieldList(flag: string, raw: string): string[] {
  const fields = raw.split(',').map((f) => f.trim());
  const bad = fields.find((f) => !FIELD_PATH_RE.test(f));
  if (bad !== undefined) {
    const what = bad === '' ? 'an empty field' : `field ${quote(bad)}`;
    throw new UsageError(
      `${flag} expects comma-separated field names like name,state,status.executionProgress; ${what} in ${quote(raw)}`,
    );
  }
  return fields;
}
