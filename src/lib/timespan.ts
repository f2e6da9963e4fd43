/**
 * .NET TimeSpan strings as the Compute API sends and accepts them
 * (`[-][d.]hh:mm:ss[.fffffff]`, e.g. "00:28:04", "1.03:16:50.5000000"),
 * plus short human renderings of durations and relative times.
 */

const MS_PER_SECOND = 1000;
const MS_PER_MINUTE = 60 * MS_PER_SECOND;
const MS_PER_HOUR = 60 * MS_PER_MINUTE;
const MS_PER_DAY = 24 * MS_PER_HOUR;
/** A .NET tick is 100 ns. */
const TICKS_PER_MS = 10_000;

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Milliseconds to a TimeSpan string; the fraction is omitted when it is zero. */
export function msToTimeSpan(ms: number): string {
  if (!Number.isFinite(ms)) throw new RangeError(`cannot format ${ms} as a TimeSpan`);
  const sign = ms < 0 ? '-' : '';
  // Work in integer ticks so sub-millisecond input cannot produce "59.9999999" drift.
  let ticks = Math.round(Math.abs(ms) * TICKS_PER_MS);
  const ticksPerSecond = MS_PER_SECOND * TICKS_PER_MS;
  const fraction = ticks % ticksPerSecond;
  ticks = (ticks - fraction) / ticksPerSecond;
  const seconds = ticks % 60;
  ticks = (ticks - seconds) / 60;
  const minutes = ticks % 60;
  ticks = (ticks - minutes) / 60;
  const hours = ticks % 24;
  const days = (ticks - hours) / 24;
  const dayPart = days > 0 ? `${days}.` : '';
  const fractionPart = fraction > 0 ? `.${String(fraction).padStart(7, '0')}` : '';
  return `${sign}${dayPart}${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}${fractionPart}`;
}

const TIMESPAN_RE = /^(-)?(?:(\d+)\.)?(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d{1,7}))?$/;

/** TimeSpan string to milliseconds; NaN when the string is not a TimeSpan. */
export function timeSpanToMs(s: string): number {
  const m = TIMESPAN_RE.exec(s.trim());
  if (!m) return NaN;
  const [, neg, d, h, min, sec, frac] = m;
  const days = d ? Number(d) : 0;
  const hours = Number(h);
  const minutes = Number(min);
  const seconds = Number(sec);
  if (hours > 23 || minutes > 59 || seconds > 59) return NaN;
  // The fraction is in 10^-7 s units whatever its written length ("5" = 0.5 s).
  const fractionMs = frac ? Number(frac.padEnd(7, '0')) / TICKS_PER_MS : 0;
  const total =
    days * MS_PER_DAY + hours * MS_PER_HOUR + minutes * MS_PER_MINUTE + seconds * MS_PER_SECOND + fractionMs;
  return neg ? -total : total;
}

/**
 * Compact human duration with at most two units: `500ms`, `45s`, `5m03s`,
 * `1h02m`, `3d4h`. Truncates rather than rounds, so a running clock never
 * shows a value it has not reached yet. Non-finite input renders as `-`.
 */
export function formatDurationShort(ms: number): string {
  if (!Number.isFinite(ms)) return '-';
  if (ms < 0) return `-${formatDurationShort(-ms)}`;
  if (ms < MS_PER_SECOND) return ms === 0 ? '0s' : `${Math.floor(ms)}ms`;
  const totalSeconds = Math.floor(ms / MS_PER_SECOND);
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (days > 0) return `${days}d${hours}h`;
  if (hours > 0) return `${hours}h${pad2(minutes)}m`;
  if (minutes > 0) return `${minutes}m${pad2(seconds)}s`;
  return `${seconds}s`;
}

/** Below this distance from now a date reads as "just now". */
const JUST_NOW_MS = 10 * MS_PER_SECOND;

/** `3m ago`, `in 2h`, `just now`: one unit, truncated. */
export function formatRelative(date: Date, now: Date): string {
  const diff = now.getTime() - date.getTime();
  if (Number.isNaN(diff)) return '-';
  const abs = Math.abs(diff);
  if (abs < JUST_NOW_MS) return 'just now';
  const amount = coarseAmount(abs);
  return diff > 0 ? `${amount} ago` : `in ${amount}`;
}

function coarseAmount(abs: number): string {
  if (abs < MS_PER_MINUTE) return `${Math.floor(abs / MS_PER_SECOND)}s`;
  if (abs < MS_PER_HOUR) return `${Math.floor(abs / MS_PER_MINUTE)}m`;
  if (abs < MS_PER_DAY) return `${Math.floor(abs / MS_PER_HOUR)}h`;
  if (abs < 365 * MS_PER_DAY) return `${Math.floor(abs / MS_PER_DAY)}d`;
  return `${Math.floor(abs / (365 * MS_PER_DAY))}y`;
}
