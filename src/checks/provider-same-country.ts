import { firstById, minProvidersOf, providersOf, sameText, siteOf } from './entries.js';
import type { Rule, RuleFinding } from './types.js';

export const providerSameCountry = {
  id: 'provider-same-country',
  severity: 'warning',
  description:
    'The providers of a service that needs two or more are at different sites but all in one country.',
  check({ plan }) {
    const findings: RuleFinding[] = [];
    for (const service of firstById(plan.services)) {
      if (minProvidersOf(service.value) < 2) continue;
      const providers = providersOf(plan, service.id);
      if (providers.length < 2) continue;
      const sites = providers.map((p) => siteOf(p.value));
      if (sites.some((s) => s === undefined)) continue;
      const all = sites as NonNullable<(typeof sites)[number]>[];
      const first = all[0]!;
      if (!all.every((s) => sameText(s.country, first.country))) continue;
      if (all.every((s) => sameText(s.city, first.city))) continue; // one site: provider-same-site
      const where = providers.map((p, i) => `${p.id} in ${all[i]!.city}`).join(', ');
      findings.push({
        file: service.file,
        pointer: `${service.pointer}/id`,
        message: `service ${service.id}: all providers are in one country, ${first.country} (${where}); a national event (strike, grid failure, new law) can hit them all: consider a provider in another country`,
      });
    }
    return findings;
  },
} satisfies Rule;
