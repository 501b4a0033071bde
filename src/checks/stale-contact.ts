import { dueOf, overdueOf } from './due-messages.js';
import type { Rule, RuleFinding } from './types.js';

export const staleContact = {
  id: 'stale-contact',
  severity: 'error',
  description: 'A contact’s details were confirmed within the stale-after interval (default 12 months).',
  fragments: true,
  check(ctx): RuleFinding[] {
    return dueOf(ctx)
      .filter((item) => item.kind === 'contact' && item.state === 'overdue')
      .map((item) => ({
        file: item.file,
        pointer: item.pointer,
        message: ctx.say.staleContact(overdueOf(item, ctx.asOf)),
      }));
  },
} satisfies Rule;
