import type { Rule } from './types.js';

// TODO(rules): not implemented yet.
export const providerSameSite = {
  id: 'provider-same-site',
  severity: 'error',
  description: 'not implemented yet',
  check: () => [],
} satisfies Rule;
