import { formatDate } from '../plan/dates.js';
import { classify } from '../plan/matrix.js';
import { ago, describeDuration, dueOf } from './due-messages.js';
import type { Rule, RuleFinding } from './types.js';

export const exerciseOverdue = {
  id: 'exercise-overdue',
  severity: 'warning',
  description: 'Every scenario whose risk is not acceptable was exercised within the last 12 months.',
  check(ctx): RuleFinding[] {
    // By pointer, once: a search of the scenarios for every overdue one is quadratic.
    const byPointer = new Map(ctx.plan.scenarios.map((s) => [`${s.pointer}/id`, s]));
    return dueOf(ctx)
      .filter((item) => item.kind === 'exercise' && item.state === 'overdue')
      .map((item) => {
        const scenario = byPointer.get(item.pointer);
        const cls = scenario && classify(ctx.matrix, scenario.value.likelihood, scenario.value.impact);
        const risk = cls ? ` (risk ${cls.label}, not acceptable)` : '';
        const last = item.last
          ? `was last exercised ${formatDate(item.last)}, ${ago(item, ctx.asOf)} (due every ${describeDuration(item.every!)}, so since ${formatDate(item.due)})`
          : 'has never been exercised';
        return {
          file: item.file,
          pointer: item.pointer,
          message:
            `scenario ${item.id}${risk} ${last}: hold a tabletop, simulation or full exercise of it ` +
            `and record it under exercises with scenarios: [${item.id}]`,
        };
      });
  },
} satisfies Rule;
