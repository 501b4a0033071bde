import { formatDate } from '../plan/dates.js';
import { ago, describeDuration, dueOf, verifyCommand } from './due-messages.js';
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
        message:
          `contact ${item.id} was last verified ${formatDate(item.last!)}, ${ago(item, ctx.asOf)} ` +
          `(limit ${describeDuration(item.every!)}, due ${formatDate(item.due)}): ` +
          `confirm the details, then run ${verifyCommand(item)}`,
      }));
  },
} satisfies Rule;
