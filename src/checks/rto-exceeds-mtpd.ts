import type { Rule } from './types.js';

// TODO(rules): not implemented yet.
export const rtoExceedsMtpd = {
  id: 'rto-exceeds-mtpd',
  severity: 'error',
  description: 'not implemented yet',
  check: () => [],
} satisfies Rule;
