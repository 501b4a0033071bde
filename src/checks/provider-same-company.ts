import { firstById, joinIds, providersOf, sameText } from './entries.js';
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
      const reported = new Set<number>();
      providers.forEach((p, i) => {
        if (reported.has(i)) return;
        const group = providers.flatMap((q, j) =>
          j > i && sameText(q.value.name as string, p.value.name as string) ? [j] : [],
        );
        if (group.length === 0) return;
        for (const j of group) reported.add(j);
        const ids = [p.id, ...group.map((j) => providers[j]!.id)];
        findings.push({
          file: service.file,
          pointer: `${service.pointer}/id`,
          message: `service ${service.id}: providers ${joinIds(ids)} are the same company, ${(p.value.name as string).trim()}; one insolvency, strike or IT outage can stop both sites: add a provider from another company`,
        });
      });
    }
    return findings;
  },
} satisfies Rule;
