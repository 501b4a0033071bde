import { UsageError } from '../errors.js';
import { type Duration, parseDate, parseDuration } from '../plan/dates.js';

/** --as-of DATE, else today at local midnight. */
export function parseAsOf(value: string | undefined, now = new Date()): Date {
  if (value === undefined) return new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const date = parseDate(value);
  if (!date) throw new UsageError(`--as-of must be a date like 2026-01-31, not "${value}"`);
  return date;
}

export function parseDurationOption(name: string, value: string | undefined): Duration | undefined {
  if (value === undefined) return undefined;
  const d = parseDuration(value);
  if (!d) throw new UsageError(`${name} must be an ISO 8601 duration like P12M or P30D, not "${value}"`);
  return d;
}

export function parseCount(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${name} must be a whole number, not "${value}"`);
  return Number(value);
}

export function parseChoice<T extends string>(
  name: string,
  value: string | undefined,
  choices: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(`${name} must be one of ${choices.join(', ')}, not "${value}"`);
  }
  return value as T;
}
