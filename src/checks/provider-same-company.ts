import { firstById, normalText, providersOf } from './entries.js';
import type { Rule, RuleFinding } from './types.js';

export const providerSameCompany = {
  id: 'provider-same-company',
  severity: 'warning',
  description: 'Two providers of one service are not the same company (the same name).',
  check({ plan, say }) {
    const findings: RuleFinding[] = [];
    for (const service of firstById(plan.services)) {
      const providers = providersOf(plan, service.id).filter(
        (p) => typeof p.value.name === 'string' && p.value.name.trim() !== '',
      );
      // Grouped by the normal form of the name (what sameText compares), in plan order:
      // comparing every pair took minutes for 15,000 providers of one service.
      const byName = new Map<string, typeof providers>();
      for (const p of providers) {
        const key = normalText(p.value.name as string);
        const group = byName.get(key);
        if (group) group.push(p);
        else byName.set(key, [p]);
      }
      for (const [p, ...group] of byName.values()) {
        if (!p || group.length === 0) continue;
        findings.push({
          file: service.file,
          pointer: `${service.pointer}/id`,
          message: say.providerSameCompany({
            service: service.id,
            providers: [p.id, ...group.map((q) => q.id)],
            name: (p.value.name as string).trim(),
          }),
        });
      }
    }
    return findings;
  },
} satisfies Rule;
