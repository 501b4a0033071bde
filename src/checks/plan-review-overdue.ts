import type { Rule } from './types.js';

// TODO(rules): not implemented yet.
export const planReviewOverdue = {
  id: 'plan-review-overdue',
  severity: 'error',
  description: 'not implemented yet',
  check: () => [],
} satisfies Rule;
