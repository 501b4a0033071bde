import { sameText, servicesWithSites } from './entries.js';
import type { Rule, RuleFinding } from './types.js';

export const providerSameSite = {
  id: 'provider-same-site',
  severity: 'error',
  description:
    'The providers of a service that needs two or more are not all at one site (city and country).',
  check({ plan, say }) {
    const findings: RuleFinding[] = [];
    for (const { service, providers, sites } of servicesWithSites(plan)) {
      const first = sites[0]!;
      if (!sites.every((s) => sameText(s.city, first.city) && sameText(s.country, first.country))) continue;
      findings.push({
        file: service.file,
        pointer: `${service.pointer}/id`,
        message: say.providerSameSite({
          service: service.id,
          providers: providers.map((p) => p.id),
          city: first.city,
          country: first.country,
        }),
      });
    }
    return findings;
  },
} satisfies Rule;
