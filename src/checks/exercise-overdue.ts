import type { Rule } from './types.js';

// TODO(rules): not implemented yet.
export const exerciseOverdue = {
  id: 'exercise-overdue',
  severity: 'warning',
  description: 'not implemented yet',
  check: () => [],
} satisfies Rule;
