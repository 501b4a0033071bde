import type { Rule } from './types.js';

// TODO(rules): not implemented yet.
export const duplicateId = {
  id: 'duplicate-id',
  severity: 'error',
  description: 'not implemented yet',
  check: () => [],
} satisfies Rule;
