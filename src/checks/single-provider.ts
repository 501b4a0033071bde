import type { Rule } from './types.js';

// TODO(rules): not implemented yet.
export const singleProvider = {
  id: 'single-provider',
  severity: 'error',
  description: 'not implemented yet',
  check: () => [],
} satisfies Rule;
