import { CONTRACT_WINDOW } from '../plan/due.js';
import { count, day, describeDuration, dueOf } from './due-messages.js';
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
            ? `ends ${day(item.due)}, in ${count(d, 'day')}`
            : d === 0
              ? `ends today (${day(item.due)})`
              : `ended ${day(item.due)}, ${count(-d, 'day')} ago`;
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
