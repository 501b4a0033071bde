import type { Rule } from './types.js';

// TODO(rules): not implemented yet.
export const matrixIncomplete = {
  id: 'matrix-incomplete',
  severity: 'error',
  description: 'not implemented yet',
  check: () => [],
} satisfies Rule;
