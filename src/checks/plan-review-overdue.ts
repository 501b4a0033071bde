import { formatDate } from '../plan/dates.js';
import { plural } from '../util/plural.js';
import { describeDuration, dueOf, subject } from './due-messages.js';
import type { Rule, RuleFinding } from './types.js';

export const planReviewOverdue = {
  id: 'plan-review-overdue',
  severity: 'error',
  description: 'The plan was reviewed within its reviewEvery interval (default 12 months).',
  check(ctx): RuleFinding[] {
    const owner = ctx.plan.plan?.value.owner;
    const who = typeof owner === 'string' && owner !== '' ? ` (role ${owner})` : '';
    return dueOf(ctx)
      .filter((item) => item.kind === 'plan' && item.state === 'overdue')
      .map((item) => ({
        file: item.file,
        pointer: item.pointer,
        message:
          `${subject(item, ctx)} was last reviewed ${formatDate(item.last!)} and was due for review ${formatDate(item.due)} ` +
          `(every ${describeDuration(item.every!)}), ${plural(-item.daysLeft, 'day')} overdue: ` +
          `review it with its owner${who}, then set plan.reviewed to the date of the review`,
      }));
  },
} satisfies Rule;
