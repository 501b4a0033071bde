import { daysBetween, formatDate, parseDate } from '../plan/dates.js';
import type { Located, SourceFile } from '../plan/types.js';
import { plural } from '../util/plural.js';
import type { Rule, RuleFinding } from './types.js';

interface Dated {
  file: SourceFile;
  pointer: string;
  what: string;
  value: unknown;
  fix: string;
}

const idLabel = (kind: string, e: Located<{ id?: unknown }>, index: number) =>
  typeof e.value.id === 'string' && e.value.id !== '' ? `${kind} ${e.value.id}` : `${kind} #${index + 1}`;

export const verifiedInFuture = {
  id: 'verified-in-future',
  severity: 'error',
  description:
    'No verified, reviewed or exercise date lies after today: a future date would hide a stale entry for years.',
  fragments: true,
  check(ctx): RuleFinding[] {
    const { plan } = ctx;
    const dated: Dated[] = [
      ...(plan.plan
        ? [
            {
              file: plan.plan.file,
              pointer: `${plan.plan.pointer}/reviewed`,
              what: 'the plan is marked reviewed',
              value: plan.plan.value.reviewed,
              fix: 'write the date of the last review that took place',
            },
          ]
        : []),
      ...plan.contacts.map((c, i) => ({
        file: c.file,
        pointer: `${c.pointer}/verified`,
        what: `${idLabel('contact', c, i)} is marked verified`,
        value: c.value.verified,
        fix: 'write the date the details were actually confirmed',
      })),
      ...plan.access.map((a, i) => ({
        file: a.file,
        pointer: `${a.pointer}/verified`,
        what: `${idLabel('access entry', a, i)} is marked verified`,
        value: a.value.verified,
        fix: 'write the date the access was actually checked',
      })),
      ...plan.exercises.map((e, i) => ({
        file: e.file,
        pointer: `${e.pointer}/date`,
        what: `exercise #${i + 1} is dated`,
        value: e.value.date,
        fix: 'record an exercise once it has taken place, with the day it was held',
      })),
    ];
    return dated.flatMap((d) => {
      const date = parseDate(d.value);
      if (!date || date <= ctx.asOf) return [];
      const ahead = daysBetween(ctx.asOf, date);
      return [
        {
          file: d.file,
          pointer: d.pointer,
          message: `${d.what} ${formatDate(date)}, ${plural(ahead, 'day')} after today (${formatDate(ctx.asOf)}): ${d.fix}`,
        },
      ];
    });
  },
} satisfies Rule;
