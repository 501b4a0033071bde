import { sameText, servicesWithSites } from './entries.js';
import type { Rule, RuleFinding } from './types.js';

export const providerSameCountry = {
  id: 'provider-same-country',
  severity: 'warning',
  description:
    'The providers of a service that needs two or more are at different sites but all in one country.',
  check({ plan }) {
    const findings: RuleFinding[] = [];
    for (const { service, providers, sites } of servicesWithSites(plan)) {
      const first = sites[0]!;
      if (!sites.every((s) => sameText(s.country, first.country))) continue;
      if (sites.every((s) => sameText(s.city, first.city))) continue; // one site: provider-same-site
      const where = providers.map((p, i) => `${p.id} in ${sites[i]!.city}`).join(', ');
      findings.push({
        file: service.file,
        pointer: `${service.pointer}/id`,
        message: `service ${service.id}: all providers are in one country, ${first.country} (${where}); a national event (strike, grid failure, new law) can hit them all: consider a provider in another country`,
      });
    }
    return findings;
  },
} satisfies Rule;
