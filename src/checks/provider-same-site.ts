import { firstById, joinIds, minProvidersOf, providersOf, sameText, siteOf } from './entries.js';
import type { Rule, RuleFinding } from './types.js';

export const providerSameSite = {
  id: 'provider-same-site',
  severity: 'error',
  description:
    'The providers of a service that needs two or more are not all at one site (city and country).',
  check({ plan }) {
    const findings: RuleFinding[] = [];
    for (const service of firstById(plan.services)) {
      if (minProvidersOf(service.value) < 2) continue;
      const providers = providersOf(plan, service.id);
      if (providers.length < 2) continue; // single-provider reports it
      const sites = providers.map((p) => siteOf(p.value));
      if (sites.some((s) => s === undefined)) continue; // a site we cannot read: the schema reports it
      const [first, ...rest] = sites as NonNullable<(typeof sites)[number]>[];
      const same = rest.every((s) => sameText(s.city, first!.city) && sameText(s.country, first!.country));
      if (!same) continue;
      findings.push({
        file: service.file,
        pointer: `${service.pointer}/id`,
        message: `service ${service.id}: all ${providers.length} providers (${joinIds(providers.map((p) => p.id))}) are in ${first!.city}, ${first!.country}, so one local event (fire, flood, power cut) stops them all: use a provider at another site, ideally in another country`,
      });
    }
    return findings;
  },
} satisfies Rule;
