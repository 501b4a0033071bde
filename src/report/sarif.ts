import type { Formatter } from './types.js';

export const sarif: Formatter = () => {
  throw new Error('the sarif format is not built yet');
};
