import type { Severity } from '../plan/types.js';
import type { Rule } from './types.js';

/** The rule catalogue, in the order of SPEC §3. One file per rule, named by its id. */
export const rules: Rule[] = [];

export interface RuleMeta {
  id: string;
  severity: Severity;
  description: string;
}

/** Rules the loader and schema validation report (they have no check function). */
export const loaderRules: RuleMeta[] = [
  {
    id: 'yaml-syntax',
    severity: 'error',
    description: 'The file is well-formed YAML: no duplicate keys, tabs or bad indentation.',
  },
  {
    id: 'schema',
    severity: 'error',
    description: 'The plan matches the format v1 JSON Schema: known keys, right types, dates and durations.',
  },
  {
    id: 'import',
    severity: 'error',
    description: 'Every import exists, is readable, is a fragment and is not cyclic.',
  },
];

/** Every rule id with its default severity and description, loader rules first. */
export function allRules(): RuleMeta[] {
  return [...loaderRules, ...rules.map(({ id, severity, description }) => ({ id, severity, description }))];
}

export const RULES_DOC_URL = 'https://github.com/bcplan/bcplan/blob/main/docs/rules.md';

/** Where a rule is documented: docs/rules.md, anchored by the rule id. */
export function ruleHelpUri(id: string): string {
  return `${RULES_DOC_URL}#${id}`;
}
