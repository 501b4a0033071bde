import { fileURLToPath } from 'node:url';

/**
 * The shipped JSON Schema of plan format v1, resolved from dist/plan or src/plan alike. A module
 * of its own so that `bcplan schema` finds the file without loading the validator.
 */
export const SCHEMA_URL = new URL('../../schemas/plan.schema.json', import.meta.url);
export const SCHEMA_PATH = fileURLToPath(SCHEMA_URL);
