import { daysBetween } from '../plan/dates.js';
import { classify } from '../plan/matrix.js';
import { dueOf } from './due-messages.js';
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
        return {
          file: item.file,
          pointer: item.pointer,
          message: ctx.say.exerciseOverdue({
            scenario: item.id,
            ...(cls ? { risk: cls.label } : {}),
            ...(item.last
              ? {
                  last: {
                    date: item.last,
                    lastDays: daysBetween(ctx.asOf, item.last),
                    every: item.every!,
                    due: item.due,
                  },
                }
              : {}),
          }),
        };
      });
  },
} satisfies Rule;
