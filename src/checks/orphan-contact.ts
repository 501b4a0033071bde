import { idOf, refAt, refList } from './entries.js';
import type { Rule, RuleFinding } from './types.js';

export const orphanContact = {
  id: 'orphan-contact',
  severity: 'info',
  description: 'Every contact written in a plan is the primary or deputy of a role, or a provider contact.',
  check({ plan, say }) {
    const used = new Set<string>();
    for (const r of plan.roles) {
      for (const ref of [...refAt(r.value.primary, ''), ...refList(r.value.deputies, '')]) used.add(ref.id);
    }
    for (const p of plan.providers) for (const ref of refList(p.value.contacts, '')) used.add(ref.id);
    const findings: RuleFinding[] = [];
    for (const c of plan.contacts) {
      // Contacts from an imported fragment form a directory shared by several plans:
      // one plan using only some of them is normal, so only the plan's own contacts count.
      if (c.file !== plan.root) continue;
      const id = idOf(c.value.id);
      if (id === undefined || used.has(id)) continue;
      findings.push({
        file: c.file,
        pointer: `${c.pointer}/id`,
        message: say.orphanContact({
          id,
          ...(typeof c.value.name === 'string' ? { name: c.value.name } : {}),
        }),
      });
    }
    return findings;
  },
} satisfies Rule;
