import type { Rule } from './types.js';

// TODO(rules): not implemented yet.
export const providerSameCountry = {
  id: 'provider-same-country',
  severity: 'warning',
  description: 'not implemented yet',
  check: () => [],
} satisfies Rule;
