// Wording shared by the date rules (stale-*, review-due-soon, plan-review-overdue, …), so every
// message says the dates, the day counts and the interval the same way.
import { type Duration, daysBetween } from '../plan/dates.js';
import { type DueItem, dueItems } from '../plan/due.js';
import { plural } from '../util/plural.js';
import { shellQuote } from '../util/shell-quote.js';
import type { RuleContext } from './types.js';

const UNITS: [keyof Duration, string][] = [
  ['years', 'year'],
  ['months', 'month'],
  ['weeks', 'week'],
  ['days', 'day'],
  ['hours', 'hour'],
  ['minutes', 'minute'],
  ['seconds', 'second'],
];

/** A duration in words: P12M → `12 months`, P1Y6M → `1 year 6 months`, P0D → `0 days`. */
export function describeDuration(d: Duration): string {
  const parts = UNITS.filter(([k]) => d[k] > 0).map(([k, unit]) => plural(d[k], unit));
  return parts.length > 0 ? parts.join(' ') : '0 days';
}

/** `in 8 days`, `today`, `5 days ago`. */
export function relativeDays(daysLeft: number): string {
  if (daysLeft === 0) return 'today';
  return daysLeft > 0 ? `in ${plural(daysLeft, 'day')}` : `${plural(-daysLeft, 'day')} ago`;
}

/** The command that records a re-confirmation, run on the file where the entry is written. */
export function verifyCommand(item: DueItem): string {
  return `\`bcplan verify ${shellQuote(item.file.path)} ${shellQuote(item.id)}\``;
}

const dueCache = new WeakMap<RuleContext, DueItem[]>();

/** The plan's due items, computed once per run for the six date rules that read them. */
export function dueOf(ctx: RuleContext): DueItem[] {
  let items = dueCache.get(ctx);
  if (!items) {
    items = dueItems(ctx.plan, ctx);
    dueCache.set(ctx, items);
  }
  return items;
}

const NOUN: Record<DueItem['kind'], string> = {
  contact: 'contact',
  access: 'access entry',
  plan: 'plan',
  exercise: 'scenario',
  contract: 'provider',
};

/** `contact max-braun`, `plan customer-service`; `the plan` when the plan has no id (a schema finding). */
export function subject(item: DueItem, ctx: RuleContext): string {
  if (item.kind === 'plan') {
    const id = ctx.plan.plan?.value.id;
    return typeof id === 'string' && id !== '' ? `plan ${id}` : 'the plan';
  }
  return `${NOUN[item.kind]} ${item.id}`;
}

/** `447 days ago`: how long since the item was last done. */
export function ago(item: DueItem, asOf: Date): string {
  return item.last ? relativeDays(daysBetween(asOf, item.last)) : 'never';
}
