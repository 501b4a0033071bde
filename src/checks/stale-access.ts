import { dueOf, overdueOf } from './due-messages.js';
import type { Rule, RuleFinding } from './types.js';

export const staleAccess = {
  id: 'stale-access',
  severity: 'error',
  description:
    'An emergency access entry (where a credential is kept) was checked within the stale-after interval (default 12 months).',
  fragments: true,
  check(ctx): RuleFinding[] {
    return dueOf(ctx)
      .filter((item) => item.kind === 'access' && item.state === 'overdue')
      .map((item) => ({
        file: item.file,
        pointer: item.pointer,
        message: ctx.say.staleAccess(overdueOf(item, ctx.asOf)),
      }));
  },
} satisfies Rule;
