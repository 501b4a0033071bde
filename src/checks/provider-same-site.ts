import { joinIds, sameText, servicesWithSites } from './entries.js';
import type { Rule, RuleFinding } from './types.js';

export const providerSameSite = {
  id: 'provider-same-site',
  severity: 'error',
  description:
    'The providers of a service that needs two or more are not all at one site (city and country).',
  check({ plan }) {
    const findings: RuleFinding[] = [];
    for (const { service, providers, sites } of servicesWithSites(plan)) {
      const first = sites[0]!;
      if (!sites.every((s) => sameText(s.city, first.city) && sameText(s.country, first.country))) continue;
      findings.push({
        file: service.file,
        pointer: `${service.pointer}/id`,
        message: `service ${service.id}: all ${providers.length} providers (${joinIds(providers.map((p) => p.id))}) are in ${first.city}, ${first.country}, so one local event (fire, flood, power cut) stops them all: use a provider at another site, ideally in another country`,
      });
    }
    return findings;
  },
} satisfies Rule;
