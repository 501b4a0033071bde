import { dueOf } from './due-messages.js';
import type { Rule, RuleFinding } from './types.js';

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

export const planReviewOverdue = {
  id: 'plan-review-overdue',
  severity: 'error',
  description: 'The plan was reviewed within its reviewEvery interval (default 12 months).',
  check(ctx): RuleFinding[] {
    const plan = text(ctx.plan.plan?.value.id);
    const owner = text(ctx.plan.plan?.value.owner);
    return dueOf(ctx)
      .filter((item) => item.kind === 'plan' && item.state === 'overdue')
      .map((item) => ({
        file: item.file,
        pointer: item.pointer,
        message: ctx.say.planReviewOverdue({
          ...(plan !== undefined ? { plan } : {}),
          ...(owner !== undefined ? { owner } : {}),
          last: item.last!,
          due: item.due,
          every: item.every!,
          daysOverdue: -item.daysLeft,
        }),
      }));
  },
} satisfies Rule;
