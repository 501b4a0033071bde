import type { Rule } from './types.js';

// TODO(rules): not implemented yet.
export const deputyIsPrimary = {
  id: 'deputy-is-primary',
  severity: 'error',
  description: 'not implemented yet',
  check: () => [],
} satisfies Rule;
