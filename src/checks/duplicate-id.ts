import { rangeOf } from '../plan/source.js';
import type { LoadedPlan, Located } from '../plan/types.js';
import { idOf } from './entries.js';
import type { Rule, RuleFinding } from './types.js';

const KINDS = [
  ['contacts', 'contact'],
  ['roles', 'role'],
  ['providers', 'provider'],
  ['services', 'service'],
  ['scenarios', 'scenario'],
  ['access', 'access'],
] as const;

/**
 * Imported entries count as written before the plan's own (an import is pulled in at the top),
 * so a clash between a shared fragment and a plan is reported in the plan that causes it.
 */
function inReadingOrder<T>(plan: LoadedPlan, entries: Located<T>[]): Located<T>[] {
  return [...entries.filter((e) => e.file !== plan.root), ...entries.filter((e) => e.file === plan.root)];
}

export const duplicateId = {
  id: 'duplicate-id',
  severity: 'error',
  description:
    'Ids are unique per kind: no two contacts, roles, providers, services, scenarios or access entries share one.',
  fragments: true,
  check({ plan, say }) {
    const findings: RuleFinding[] = [];
    for (const [section, kind] of KINDS) {
      const first = new Map<string, Located<{ id?: unknown }>>();
      for (const entry of inReadingOrder(plan, plan[section] as Located<{ id?: unknown }>[])) {
        const id = idOf(entry.value.id);
        if (id === undefined) continue;
        const earlier = first.get(id);
        if (!earlier) {
          first.set(id, entry);
          continue;
        }
        const { line } = rangeOf(earlier.file, `${earlier.pointer}/id`);
        findings.push({
          file: entry.file,
          pointer: `${entry.pointer}/id`,
          message: say.duplicateId({
            kind,
            id,
            line,
            ...(earlier.file === entry.file ? {} : { file: earlier.file.path }),
          }),
        });
      }
    }
    return findings;
  },
} satisfies Rule;
