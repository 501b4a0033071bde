import type { Severity } from '../plan/types.js';
import { contractEnding } from './contract-ending.js';
import { deputyIsPrimary } from './deputy-is-primary.js';
import { duplicateId } from './duplicate-id.js';
import { exerciseOverdue } from './exercise-overdue.js';
import { matrixIncomplete } from './matrix-incomplete.js';
import { noDeputy } from './no-deputy.js';
import { orphanContact } from './orphan-contact.js';
import { planReviewOverdue } from './plan-review-overdue.js';
import { providerSameCompany } from './provider-same-company.js';
import { providerSameCountry } from './provider-same-country.js';
import { providerSameSite } from './provider-same-site.js';
import { respondExceedsRto } from './respond-exceeds-rto.js';
import { reviewDueSoon } from './review-due-soon.js';
import { rtoExceedsMtpd } from './rto-exceeds-mtpd.js';
import { secretInPlan } from './secret-in-plan.js';
import { singleProvider } from './single-provider.js';
import { staleAccess } from './stale-access.js';
import { staleContact } from './stale-contact.js';
import type { Rule } from './types.js';
import { unknownLevel } from './unknown-level.js';
import { unknownReference } from './unknown-reference.js';
import { untreatedRisk } from './untreated-risk.js';
import { verifiedInFuture } from './verified-in-future.js';

/** The rule catalogue, in the order of SPEC §3. One file per rule, named by its id. */
export const rules: Rule[] = [
  duplicateId,
  unknownReference,
  unknownLevel,
  matrixIncomplete,
  staleContact,
  staleAccess,
  reviewDueSoon,
  verifiedInFuture,
  planReviewOverdue,
  singleProvider,
  providerSameSite,
  providerSameCountry,
  providerSameCompany,
  untreatedRisk,
  respondExceedsRto,
  rtoExceedsMtpd,
  noDeputy,
  deputyIsPrimary,
  exerciseOverdue,
  contractEnding,
  secretInPlan,
  orphanContact,
];

export interface RuleMeta {
  id: string;
  severity: Severity;
  description: string;
  /** The rule's documentation in Markdown (docs/rules.md), for SARIF's help; only SARIF loads it. */
  help?: string;
}

/** Rules the loader and schema validation report (they have no check function). */
const loaderRules: RuleMeta[] = [
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

const RULES_DOC_URL = 'https://github.com/bcplan/bcplan/blob/main/docs/rules.md';

/** Where a rule is documented: docs/rules.md, anchored by the rule id. */
export function ruleHelpUri(id: string): string {
  return `${RULES_DOC_URL}#${id}`;
}
