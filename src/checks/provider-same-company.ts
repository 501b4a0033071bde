import type { Rule } from './types.js';

// TODO(rules): not implemented yet.
export const providerSameCompany = {
  id: 'provider-same-company',
  severity: 'warning',
  description: 'not implemented yet',
  check: () => [],
} satisfies Rule;
