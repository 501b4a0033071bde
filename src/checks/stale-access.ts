import type { Rule } from './types.js';

// TODO(rules): not implemented yet.
export const staleAccess = {
  id: 'stale-access',
  severity: 'error',
  description: 'not implemented yet',
  check: () => [],
} satisfies Rule;
