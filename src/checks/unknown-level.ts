import type { Rule } from './types.js';

// TODO(rules): not implemented yet.
export const unknownLevel = {
  id: 'unknown-level',
  severity: 'error',
  description: 'not implemented yet',
  check: () => [],
} satisfies Rule;
