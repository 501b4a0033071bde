import type { Rule } from './types.js';

// TODO(rules): not implemented yet.
export const reviewDueSoon = {
  id: 'review-due-soon',
  severity: 'warning',
  description: 'not implemented yet',
  check: () => [],
} satisfies Rule;
