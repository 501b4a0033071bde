import { firstById, joinIds, normalText, providersOf } from './entries.js';
import type { Rule, RuleFinding } from './types.js';

export const providerSameCompany = {
  id: 'provider-same-company',
  severity: 'warning',
  description: 'Two providers of one service are not the same company (the same name).',
  check({ plan }) {
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
        const ids = [p.id, ...group.map((q) => q.id)];
        findings.push({
          file: service.file,
          pointer: `${service.pointer}/id`,
          message: `service ${service.id}: providers ${joinIds(ids)} are the same company, ${(p.value.name as string).trim()}; one insolvency, strike or IT outage can stop both sites: add a provider from another company`,
        });
      }
    }
    return findings;
  },
} satisfies Rule;
