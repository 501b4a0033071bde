import { sameText, servicesWithSites } from './entries.js';
import type { Rule, RuleFinding } from './types.js';

export const providerSameCountry = {
  id: 'provider-same-country',
  severity: 'warning',
  description:
    'The providers of a service that needs two or more are at different sites but all in one country.',
  check({ plan, say }) {
    const findings: RuleFinding[] = [];
    for (const { service, providers, sites } of servicesWithSites(plan)) {
      const first = sites[0]!;
      if (!sites.every((s) => sameText(s.country, first.country))) continue;
      if (sites.every((s) => sameText(s.city, first.city))) continue; // one site: provider-same-site
      findings.push({
        file: service.file,
        pointer: `${service.pointer}/id`,
        message: say.providerSameCountry({
          service: service.id,
          country: first.country,
          sites: providers.map((p, i) => ({ provider: p.id, city: sites[i]!.city })),
        }),
      });
    }
    return findings;
  },
} satisfies Rule;
