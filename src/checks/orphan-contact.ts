import type { Rule } from './types.js';

// TODO(rules): not implemented yet.
export const orphanContact = {
  id: 'orphan-contact',
  severity: 'info',
  description: 'not implemented yet',
  check: () => [],
} satisfies Rule;
