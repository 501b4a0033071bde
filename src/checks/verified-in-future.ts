import type { Rule } from './types.js';

// TODO(rules): not implemented yet.
export const verifiedInFuture = {
  id: 'verified-in-future',
  severity: 'error',
  description: 'not implemented yet',
  check: () => [],
} satisfies Rule;
