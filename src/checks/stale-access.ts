import { formatDate } from '../plan/dates.js';
import { ago, describeDuration, dueOf, verifyCommand } from './due-messages.js';
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
        message:
          `access entry ${item.id} was last verified ${formatDate(item.last!)}, ${ago(item, ctx.asOf)} ` +
          `(limit ${describeDuration(item.every!)}, due ${formatDate(item.due)}): check that the credential is ` +
          `where the vault says, still works and the holders can reach it, then run ${verifyCommand(item)}`,
      }));
  },
} satisfies Rule;
