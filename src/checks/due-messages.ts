// The facts the date rules (stale-*, review-due-soon, plan-review-overdue, …) share.
import { daysBetween } from '../plan/dates.js';
import { type DueItem, dueItems } from '../plan/due.js';
import { shellQuote } from '../util/shell-quote.js';
import type { Overdue } from './messages/types.js';
import type { RuleContext } from './types.js';

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

/** The facts of a contact or access entry past its limit, for stale-contact and stale-access. */
export function overdueOf(item: DueItem, asOf: Date): Overdue {
  return {
    id: item.id,
    last: item.last!,
    lastDays: daysBetween(asOf, item.last!),
    every: item.every!,
    due: item.due,
    command: verifyCommand(item),
  };
}
