// Per-function entry points: the date-fns index pulls in ~300 modules, a large share of start-up.
import { add } from 'date-fns/add';
import { isValid } from 'date-fns/isValid';
import { sub } from 'date-fns/sub';

/** A calendar date as written in plans: YYYY-MM-DD. */
export const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** ISO 8601 duration as plans use it: PnYnMnWnD and THnMnS parts, no fractions, no sign. */
export const DURATION_RE =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** Parses YYYY-MM-DD into a local-midnight Date; undefined for anything else, 2026-02-30 included. */
export function parseDate(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const m = DATE_RE.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d);
  if (!isValid(date) || date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) {
    return undefined;
  }
  return date;
}

/** YYYY-MM-DD in local time. Not date-fns `format`: that loads its en-US locale (~30 modules) at start-up. */
export function formatDate(date: Date): string {
  if (!isValid(date)) throw new RangeError('Invalid time value');
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

/** Parses an ISO 8601 duration (`PT4H`, `P12M`, `P1Y2M`); undefined when malformed. */
export function parseDuration(value: unknown): Duration | undefined {
  if (typeof value !== 'string') return undefined;
  const m = DURATION_RE.exec(value);
  if (!m) return undefined;
  const n = (i: number) => (m[i] === undefined ? 0 : Number(m[i]));
  return { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7) };
}

/**
 * A nominal length in seconds, for comparing durations (rto against mtpd):
 * a month counts 30 days, a year 365.
 */
export function durationSeconds(d: Duration): number {
  const days = d.years * 365 + d.months * 30 + d.weeks * 7 + d.days;
  return ((days * 24 + d.hours) * 60 + d.minutes) * 60 + d.seconds;
}

/** date + duration in calendar arithmetic: 2026-01-31 + P1M = 2026-02-28. */
export function addDuration(date: Date, d: Duration): Date {
  return add(date, d);
}

export function subDuration(date: Date, d: Duration): Date {
  return sub(date, d);
}

/**
 * Whole calendar days from `from` to `to` (positive when `to` is later), by their local dates:
 * the same as date-fns differenceInCalendarDays, which the date rules called 70 times a plan.
 */
export function daysBetween(from: Date, to: Date): number {
  const day = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  return Math.round((day(to) - day(from)) / 86_400_000);
}

export type DueState = 'ok' | 'due-soon' | 'overdue';

/**
 * SPEC §3: due = date + interval; stale (overdue) when asOf > due;
 * due soon when due - window <= asOf <= due.
 */
export function dueState(due: Date, asOf: Date, window: Duration): DueState {
  if (asOf > due) return 'overdue';
  if (subDuration(due, window) <= asOf) return 'due-soon';
  return 'ok';
}

/** Suggests an ISO 8601 form for informal durations like `4h`, `30 min`, `2 days`. */
export function suggestDuration(value: string): string | undefined {
  const m = /^\s*(\d+)\s*([a-zA-Z]+)\s*$/.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2]!.toLowerCase();
  if (/^(h|hr|hrs|hours?|std|stunden?|t|timer?|uur)$/.test(unit)) return `PT${n}H`;
  if (/^(m|min|mins|minutes?|minuten?|minutter?)$/.test(unit)) return `PT${n}M`;
  if (/^(s|sec|secs|seconds?|sek|sekunden?)$/.test(unit)) return `PT${n}S`;
  if (/^(d|days?|tage?|dage?|dager?|dagen?|dag)$/.test(unit)) return `P${n}D`;
  if (/^(w|wk|weeks?|wochen?|uker?|uger?|weken?|week)$/.test(unit)) return `P${n}W`;
  if (/^(mo|mon|months?|monate?|måned(er)?|maanden?|mnd)$/.test(unit)) return `P${n}M`;
  if (/^(y|yr|years?|jahre?|år|jaar|jaren)$/.test(unit)) return `P${n}Y`;
  return undefined;
}
