import { idOf, refList } from './entries.js';
import type { Rule, RuleFinding } from './types.js';

export const noDeputy = {
  id: 'no-deputy',
  severity: 'warning',
  description: 'Every role has at least one deputy who acts when the primary is unavailable.',
  check({ plan, say }) {
    const findings: RuleFinding[] = [];
    for (const r of plan.roles) {
      if (refList(r.value.deputies, '').length > 0) continue;
      // Anything else written there (an object, a list of non-ids) is a schema finding, not a missing deputy.
      const d = r.value.deputies;
      if (d !== undefined && d !== null && !(Array.isArray(d) && d.length === 0) && d !== '') continue;
      const primary = idOf(r.value.primary);
      findings.push({
        file: r.file,
        pointer: r.value.id === undefined ? r.pointer : `${r.pointer}/id`,
        message: say.noDeputy({
          role: { kind: 'role', id: r.value.id, pointer: r.pointer },
          ...(typeof r.value.title === 'string' ? { title: r.value.title } : {}),
          ...(primary !== undefined ? { primary } : {}),
        }),
      });
    }
    return findings;
  },
} satisfies Rule;
