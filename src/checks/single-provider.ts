import { firstById, minProvidersOf, providersOf } from './entries.js';
import type { Rule, RuleFinding } from './types.js';

export const singleProvider = {
  id: 'single-provider',
  severity: 'error',
  description:
    'A service run by providers has at least its minProviders of them (default 2 for critical and high services).',
  check({ plan, say }) {
    const findings: RuleFinding[] = [];
    for (const service of firstById(plan.services)) {
      const providers = providersOf(plan, service.id);
      const min = minProvidersOf(service.value);
      // No provider at all: the service is run in-house (SPEC §3), not checked here.
      if (providers.length === 0 || providers.length >= min) continue;
      const criticality = service.value.criticality;
      findings.push({
        file: service.file,
        pointer: `${service.pointer}/id`,
        message: say.singleProvider({
          service: service.id,
          ...(typeof criticality === 'string' && criticality !== '' ? { criticality } : {}),
          providers: providers.map((p) => p.id),
          min,
          explicit: typeof service.value.minProviders === 'number' && service.value.minProviders === min,
        }),
      });
    }
    return findings;
  },
} satisfies Rule;
