import type { Rule } from './types.js';

// TODO(rules): not implemented yet.
export const secretInPlan = {
  id: 'secret-in-plan',
  severity: 'error',
  description: 'not implemented yet',
  check: () => [],
} satisfies Rule;
