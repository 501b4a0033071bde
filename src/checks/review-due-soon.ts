import { dueOf, verifyCommand } from './due-messages.js';
import type { Rule, RuleFinding } from './types.js';

export const reviewDueSoon = {
  id: 'review-due-soon',
  severity: 'warning',
  description:
    'A contact, access entry or the plan itself falls due for re-verification or review within the due window (default 30 days).',
  fragments: true,
  check(ctx): RuleFinding[] {
    const planId = ctx.plan.plan?.value.id;
    const plan = typeof planId === 'string' && planId !== '' ? planId : undefined;
    return dueOf(ctx)
      .filter((item) => item.state === 'due-soon' && ['contact', 'access', 'plan'].includes(item.kind))
      .map((item) => {
        const dates = { due: item.due, daysLeft: item.daysLeft, last: item.last!, every: item.every! };
        return {
          file: item.file,
          pointer: item.pointer,
          message: ctx.say.reviewDueSoon(
            item.kind === 'plan'
              ? { kind: 'plan', ...(plan !== undefined ? { plan } : {}), ...dates }
              : {
                  kind: item.kind as 'contact' | 'access',
                  id: item.id,
                  command: verifyCommand(item),
                  ...dates,
                },
          ),
        };
      });
  },
} satisfies Rule;
