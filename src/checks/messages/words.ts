// Building blocks every language's messages use the same way, each with its own words.
import type { Duration } from '../../plan/dates.js';
import { idOf } from '../entries.js';
import type { Entry } from './types.js';

/** `role it-oncall` (noun and id); `roles[3]`, its place in the file, when it has no usable id. */
export function nameEntry(noun: string, e: Entry): string {
  const known = idOf(e.id);
  if (known !== undefined) return `${noun} ${known}`;
  const m = /^\/([^/]+)\/(\d+)$/.exec(e.pointer);
  return m ? `${m[1]}[${m[2]}]` : noun;
}

/** `a, b and c`, with the language's word for "and". */
export function joinList(items: string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
}

/** The units of a duration, largest first. */
export const DURATION_UNITS = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'] as const;

/**
 * A duration in words, each unit worded by `unit` and the units joined by `join` (`12 months`,
 * `1 year 6 months`, `1 Jahr und 6 Monate`); a duration of nothing is `unit(0, 'days')`.
 */
export function durationWords(
  d: Duration,
  unit: (n: number, name: keyof Duration) => string,
  join: (parts: string[]) => string = (parts) => parts.join(' '),
): string {
  const parts = DURATION_UNITS.filter((k) => d[k] > 0).map((k) => unit(d[k], k));
  return parts.length > 0 ? join(parts) : unit(0, 'days');
}
