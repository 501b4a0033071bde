import type { Rule } from './types.js';

// TODO(rules): not implemented yet.
export const contractEnding = {
  id: 'contract-ending',
  severity: 'warning',
  description: 'not implemented yet',
  check: () => [],
} satisfies Rule;
