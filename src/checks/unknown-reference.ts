import type { Rule } from './types.js';

// TODO(rules): not implemented yet.
export const unknownReference = {
  id: 'unknown-reference',
  severity: 'error',
  description: 'not implemented yet',
  check: () => [],
} satisfies Rule;
