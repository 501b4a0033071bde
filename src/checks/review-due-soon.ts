import { formatDate } from '../plan/dates.js';
import type { DueItem } from '../plan/due.js';
import { describeDuration, dueOf, relativeDays, subject, verifyCommand } from './due-messages.js';
import type { Rule, RuleFinding } from './types.js';

function advice(item: DueItem): string {
  if (item.kind === 'plan') {
    return `(last reviewed ${formatDate(item.last!)}, every ${describeDuration(item.every!)}): review the plan with its owner, then set plan.reviewed to the date of the review`;
  }
  const what =
    item.kind === 'contact'
      ? 'confirm the details'
      : 'check that the credential is where the vault says and still works';
  return `(last verified ${formatDate(item.last!)}, every ${describeDuration(item.every!)}): ${what}, then run ${verifyCommand(item)}`;
}

export const reviewDueSoon = {
  id: 'review-due-soon',
  severity: 'warning',
  description:
    'A contact, access entry or the plan itself falls due for re-verification or review within the due window (default 30 days).',
  fragments: true,
  check(ctx): RuleFinding[] {
    return dueOf(ctx)
      .filter((item) => item.state === 'due-soon' && ['contact', 'access', 'plan'].includes(item.kind))
      .map((item) => ({
        file: item.file,
        pointer: item.pointer,
        message: `${subject(item, ctx)} falls due ${item.kind === 'plan' ? 'for review' : 'for re-verification'} on ${formatDate(item.due)}, ${relativeDays(item.daysLeft)} ${advice(item)}`,
      }));
  },
} satisfies Rule;
