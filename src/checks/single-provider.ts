import { plural } from '../util/plural.js';
import { firstById, joinIds, minProvidersOf, providersOf } from './entries.js';
import type { Rule, RuleFinding } from './types.js';

export const singleProvider = {
  id: 'single-provider',
  severity: 'error',
  description:
    'A service run by providers has at least its minProviders of them (default 2 for critical and high services).',
  check({ plan }) {
    const findings: RuleFinding[] = [];
    for (const service of firstById(plan.services)) {
      const providers = providersOf(plan, service.id);
      const min = minProvidersOf(service.value);
      // No provider at all: the service is run in-house (SPEC §3), not checked here.
      if (providers.length === 0 || providers.length >= min) continue;
      const have = `${plural(providers.length, 'provider')} (${joinIds(providers.map((p) => p.id))})`;
      const criticality =
        typeof service.value.criticality === 'string' ? service.value.criticality : undefined;
      const explicit = typeof service.value.minProviders === 'number' && service.value.minProviders === min;
      const need = explicit
        ? `its minProviders is ${min}: add ${plural(min - providers.length, 'provider')} at another site, or lower minProviders`
        : `high and critical services need at least ${min} providers at different sites: add a second provider, or set minProviders: 1 if you accept the risk`;
      findings.push({
        file: service.file,
        pointer: `${service.pointer}/id`,
        message: `service ${service.id}${criticality ? ` (${criticality})` : ''} has ${have}; ${need}`,
      });
    }
    return findings;
  },
} satisfies Rule;
