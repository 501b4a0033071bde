import { formatDate } from '../plan/dates.js';
import { CONTRACT_WINDOW } from '../plan/due.js';
import { plural } from '../util/plural.js';
import { describeDuration, dueOf } from './due-messages.js';
import type { Rule, RuleFinding } from './types.js';

export const contractEnding = {
  id: 'contract-ending',
  severity: 'warning',
  description: `A provider’s contract ends within ${describeDuration(CONTRACT_WINDOW)}, or has ended.`,
  check(ctx): RuleFinding[] {
    return dueOf(ctx)
      .filter((item) => item.kind === 'contract' && item.state !== 'ok')
      .map((item) => {
        const d = item.daysLeft;
        const when =
          d > 0
            ? `ends ${formatDate(item.due)}, in ${plural(d, 'day')}`
            : d === 0
              ? `ends today (${formatDate(item.due)})`
              : `ended ${formatDate(item.due)}, ${plural(-d, 'day')} ago`;
        const fix =
          d >= 0
            ? 'renew or extend it, or start the exit plan and move its services to another provider'
            : 'if it was renewed, set contractEnds to the new end date; if not, move its services to another provider and remove it';
        return {
          file: item.file,
          pointer: item.pointer,
          message: `the contract with provider ${item.id} ${when}: ${fix}`,
        };
      });
  },
} satisfies Rule;
