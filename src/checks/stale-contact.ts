import type { Rule } from './types.js';

// TODO(rules): not implemented yet.
export const staleContact = {
  id: 'stale-contact',
  severity: 'error',
  description: 'not implemented yet',
  check: () => [],
} satisfies Rule;
