import { daysBetween, parseDate } from '../plan/dates.js';
import type { Located, SourceFile } from '../plan/types.js';
import type { Rule, RuleFinding } from './types.js';

interface Dated {
  file: SourceFile;
  pointer: string;
  what: 'plan' | 'contact' | 'access' | 'exercise';
  /** The entry's id, when it has one. */
  id?: string;
  /** Its place in its list (names an entry without an id). */
  index: number;
  value: unknown;
}

const idOf = (e: Located<{ id?: unknown }>) =>
  typeof e.value.id === 'string' && e.value.id !== '' ? { id: e.value.id } : {};

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
              what: 'plan' as const,
              index: 0,
              value: plan.plan.value.reviewed,
            },
          ]
        : []),
      ...plan.contacts.map((c, i) => ({
        file: c.file,
        pointer: `${c.pointer}/verified`,
        what: 'contact' as const,
        ...idOf(c),
        index: i,
        value: c.value.verified,
      })),
      ...plan.access.map((a, i) => ({
        file: a.file,
        pointer: `${a.pointer}/verified`,
        what: 'access' as const,
        ...idOf(a),
        index: i,
        value: a.value.verified,
      })),
      ...plan.exercises.map((e, i) => ({
        file: e.file,
        pointer: `${e.pointer}/date`,
        what: 'exercise' as const,
        index: i,
        value: e.value.date,
      })),
    ];
    return dated.flatMap((d) => {
      const date = parseDate(d.value);
      if (!date || date <= ctx.asOf) return [];
      const { file, pointer, what, id, index } = d;
      const message = ctx.say.verifiedInFuture({
        what,
        ...(id !== undefined ? { id } : {}),
        index,
        date,
        daysAhead: daysBetween(ctx.asOf, date),
        asOf: ctx.asOf,
      });
      return [{ file, pointer, message }];
    });
  },
} satisfies Rule;
