import type { Rule } from './types.js';

// TODO(rules): not implemented yet.
export const noDeputy = {
  id: 'no-deputy',
  severity: 'warning',
  description: 'not implemented yet',
  check: () => [],
} satisfies Rule;
