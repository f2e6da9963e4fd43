import { UsageError } from '../errors.js';
import { quote } from '../lib/parse.js';
import { DAYS, END_OF_DAY, type WeeklyPeriod } from './model.js';

const WEEKLY_FORMS = "DAYS [HH:MM-HH:MM], e.g. 'mon-fri 08:00-18:00', 'sat,sun', 'mon,wed,fri 20:00-24:00'";
const SHORTCUTS: Record<string, string[]> = {
  weekdays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
  weekend: ['saturday', 'sunday'],
  daily: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
};

/** `mon`, `Monday`, `tue`, `thurs` ... to the API's day name; undefined when unknown. */
export function dayName(word: string): string | undefined {
  const w = word.trim().toLowerCase();
  return w.length >= 3 ? DAYS.find((d) => d.startsWith(w)) : undefined;
}

/**
 * `mon-fri`, `mon,wed,fri`, `fri-mon` (wraps over the weekend), `weekend`.
 * Unknown words are kept as typed: the local check reports them with their
 * path, like the API would.
 */
export function parseDays(flag: string, raw: string): string[] {
  const days: string[] = [];
  const add = (d: string) => {
    if (!days.includes(d)) days.push(d);
  };
  for (const item of raw.split(',')) {
    const word = item.trim();
    if (word === '') throw new UsageError(`${flag}: empty day in ${quote(raw)}; expected ${WEEKLY_FORMS}`);
    const shortcut = SHORTCUTS[word.toLowerCase()];
    if (shortcut) {
      shortcut.forEach(add);
      continue;
    }
    const dash = word.indexOf('-');
    if (dash < 0) {
      add(dayName(word) ?? word);
      continue;
    }
    const from = dayName(word.slice(0, dash));
    const to = dayName(word.slice(dash + 1));
    if (from === undefined || to === undefined) {
      add(word);
      continue;
    }
    let i = DAYS.indexOf(from as (typeof DAYS)[number]);
    const end = DAYS.indexOf(to as (typeof DAYS)[number]);
    for (;;) {
      add(DAYS[i]!);
      if (i === end) break;
      i = (i + 1) % 7;
    }
  }
  return days;
}

const TIME_RE = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/**
 * `8:00`, `08:00:30` to `08:00:00`, `08:00:30`; `24:00` as an end is the end
 * of the day. Out-of-range values (25:00) pass through for the check to report.
 */
export function parseTimeOfDay(flag: string, raw: string, isEnd: boolean): string {
  const m = TIME_RE.exec(raw.trim());
  if (!m) throw new UsageError(`${flag}: ${quote(raw)} is not a time; use HH:MM or HH:MM:SS (UTC)`);
  const [h, mi, s = '00'] = [m[1]!, m[2]!, m[3]];
  if (isEnd && Number(h) === 24 && Number(mi) === 0 && Number(s) === 0) return END_OF_DAY;
  return `${h.padStart(2, '0')}:${mi}:${s}`;
}

/** `'mon-fri 08:00-18:00'` to a Weekly period; without times, the whole day. */
export function parseWeekly(flag: string, raw: string): WeeklyPeriod {
  const parts = raw.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0 || parts.length > 2) throw new UsageError(`${flag} expects ${WEEKLY_FORMS}, got ${quote(raw)}`);
  const days = parseDays(flag, parts[0]!);
  let startTimeUtc = '00:00:00';
  let endTimeUtc = END_OF_DAY;
  if (parts[1] !== undefined) {
    const times = parts[1].split('-');
    if (times.length !== 2) throw new UsageError(`${flag} expects a time range HH:MM-HH:MM after the days, got ${quote(parts[1])}`);
    startTimeUtc = parseTimeOfDay(flag, times[0]!, false);
    endTimeUtc = parseTimeOfDay(flag, times[1]!, true);
  }
  return { type: 'Weekly', name: null, days, startTimeUtc, endTimeUtc };
}

const SHORT_DAY = (d: string) => (DAYS.includes(d as (typeof DAYS)[number]) ? d.slice(0, 3) : d);

/** Days back to a compact spec: consecutive runs of three or more become ranges. */
export function formatDays(days: readonly string[]): string {
  const lower = days.map((d) => d.toLowerCase());
  const known = lower.every((d) => DAYS.includes(d as (typeof DAYS)[number]));
  if (!known) return lower.map(SHORT_DAY).join(',');
  // Monday-first order reads naturally for weekly schedules.
  const order = [1, 2, 3, 4, 5, 6, 0];
  const present = order.filter((i) => lower.includes(DAYS[i]!));
  if (present.length === 7) return 'daily';
  const runs: number[][] = [];
  for (const i of present) {
    const last = runs[runs.length - 1];
    if (last && order.indexOf(i) === order.indexOf(last[last.length - 1]!) + 1) last.push(i);
    else runs.push([i]);
  }
  return runs
    .flatMap((run) => (run.length >= 3 ? [`${SHORT_DAY(DAYS[run[0]!]!)}-${SHORT_DAY(DAYS[run[run.length - 1]!]!)}`] : run.map((i) => SHORT_DAY(DAYS[i]!))))
    .join(',');
}

/** `08:00:00` to `08:00`, the end of the day to `24:00`; seconds kept when set. */
export function formatTime(t: string): string {
  if (/^23:59:59\.9+$/.test(t)) return '24:00';
  const m = /^(\d{2}):(\d{2}):(\d{2})(\.\d+)?$/.exec(t);
  if (!m) return t;
  return m[3] === '00' && !m[4] ? `${m[1]}:${m[2]}` : t;
}

export function formatWeekly(p: { days?: readonly string[]; startTimeUtc?: string; endTimeUtc?: string }): string {
  const days = formatDays(p.days ?? []);
  const start = formatTime(p.startTimeUtc ?? '');
  const end = formatTime(p.endTimeUtc ?? '');
  return start === '00:00' && end === '24:00' ? days : `${days} ${start}-${end}`;
}
