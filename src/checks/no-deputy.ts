import { entryName, idOf, refList } from './entries.js';
import type { Rule, RuleFinding } from './types.js';

export const noDeputy = {
  id: 'no-deputy',
  severity: 'warning',
  description: 'Every role has at least one deputy who acts when the primary is unavailable.',
  check({ plan }) {
    const findings: RuleFinding[] = [];
    for (const r of plan.roles) {
      if (refList(r.value.deputies, '').length > 0) continue;
      // Anything else written there (an object, a list of non-ids) is a schema finding, not a missing deputy.
      const d = r.value.deputies;
      if (d !== undefined && d !== null && !(Array.isArray(d) && d.length === 0) && d !== '') continue;
      const primary = idOf(r.value.primary);
      const title = typeof r.value.title === 'string' ? ` (${r.value.title})` : '';
      findings.push({
        file: r.file,
        pointer: r.value.id === undefined ? r.pointer : `${r.pointer}/id`,
        message: `${entryName('role', r.value.id, r.pointer)}${title} has no deputy: add at least one contact under deputies, so someone can act when ${primary ?? 'the primary'} is unavailable`,
      });
    }
    return findings;
  },
} satisfies Rule;
