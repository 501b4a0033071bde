import type { Rule } from './types.js';

// TODO(rules): not implemented yet.
export const untreatedRisk = {
  id: 'untreated-risk',
  severity: 'error',
  description: 'not implemented yet',
  check: () => [],
} satisfies Rule;
