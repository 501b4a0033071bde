import type { Rule } from './types.js';

// TODO(rules): not implemented yet.
export const respondExceedsRto = {
  id: 'respond-exceeds-rto',
  severity: 'warning',
  description: 'not implemented yet',
  check: () => [],
} satisfies Rule;
