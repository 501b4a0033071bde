import { CONTRACT_WINDOW } from '../plan/due.js';
import { dueOf } from './due-messages.js';
import { describeDuration } from './messages/en.js';
import type { Rule, RuleFinding } from './types.js';

export const contractEnding = {
  id: 'contract-ending',
  severity: 'warning',
  description: `A provider’s contract ends within ${describeDuration(CONTRACT_WINDOW)}, or has ended.`,
  check(ctx): RuleFinding[] {
    return dueOf(ctx)
      .filter((item) => item.kind === 'contract' && item.state !== 'ok')
      .map((item) => ({
        file: item.file,
        pointer: item.pointer,
        message: ctx.say.contractEnding({ provider: item.id, due: item.due, daysLeft: item.daysLeft }),
      }));
  },
} satisfies Rule;
