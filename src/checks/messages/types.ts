// What the rules say, as data: each rule passes the facts of a finding to one of these
// functions, and a language's catalogue (en.ts, de.ts, …) words them. `validate` words every
// finding in English (its output is read by CI and by people across languages); a runbook's
// appendix words them in the runbook's language.
import type { Duration } from '../../plan/dates.js';

/** The kinds of entry a message names. */
export type EntryKind = 'contact' | 'role' | 'provider' | 'service' | 'scenario' | 'access' | 'class';

/** An entry named by its id, or by its place (`roles[3]`) when it has no usable id. */
export interface Entry {
  kind: EntryKind;
  id: unknown;
  pointer: string;
}

export type Part = 'prevent' | 'respond' | 'recover';

/** Who refers to an unknown id (unknown-reference): a plan key, an entry's key, a step's owner, … */
export type Referrer =
  | { at: 'plan'; field: string }
  | { at: 'entry'; entry: Entry; field: string; step?: { part: Part; n: number } }
  | { at: 'communication'; audience?: string; field: string }
  | { at: 'exercise'; date?: string; field: string };

/** The kinds of credential secret-in-plan recognises. */
export type SecretKind =
  | 'password'
  | 'pin'
  | 'login'
  | 'private-key'
  | 'aws-key-id'
  | 'aws-secret'
  | 'github-token'
  | 'gitlab-token'
  | 'slack-token'
  | 'slack-webhook'
  | 'google-key'
  | 'stripe-key'
  | 'npm-token'
  | 'openai-key'
  | 'jwt'
  | 'url-password'
  | 'api-token';

/** A date-driven item past its limit (stale-contact, stale-access). */
export interface Overdue {
  id: string;
  last: Date;
  /** Days from as-of back to `last` (negative: in the past). */
  lastDays: number;
  every: Duration;
  due: Date;
  /** The `bcplan verify …` command that records a re-confirmation, quoted for a shell. */
  command: string;
}

/** One function per message; every language implements all of them (the compiler checks). */
export interface Messages {
  ruleFailed(p: { rule: string; error: string }): string;
  contractEnding(p: { provider: string; due: Date; daysLeft: number }): string;
  deputyIsPrimary(p: { role: Entry; primary: string }): string;
  /** `file` is set when the first entry with the id is in another file. */
  duplicateId(p: { kind: EntryKind; id: string; file?: string; line: number }): string;
  exerciseOverdue(p: {
    scenario: string;
    /** The risk class's label, when the scenario is rated. */
    risk?: string;
    /** Undefined: never exercised. */
    last?: { date: Date; lastDays: number; every: Duration; due: Date };
  }): string;
  matrixGridRows(p: { rows: number; levels: number }): string;
  matrixGridCells(p: { row: number; likelihood?: number; cells: number; levels: number }): string;
  matrixUnknownClass(p: {
    row: number;
    likelihood?: number;
    cell: number;
    value: string;
    classes: string[];
  }): string;
  matrixNoUpTo(p: { class: Entry }): string;
  matrixNoClasses(p: { highest: number; likelihood: number; impact: number }): string;
  matrixTooLow(p: {
    upTo: number;
    class: string;
    highest: number;
    likelihood: number;
    impact: number;
  }): string;
  noDeputy(p: { role: Entry; title?: string; primary?: string }): string;
  orphanContact(p: { id: string; name?: string }): string;
  planReviewOverdue(p: {
    plan?: string;
    last: Date;
    due: Date;
    every: Duration;
    daysOverdue: number;
    owner?: string;
  }): string;
  providerSameCompany(p: { service: string; providers: string[]; name: string }): string;
  providerSameCountry(p: {
    service: string;
    country: string;
    sites: { provider: string; city: string }[];
  }): string;
  providerSameSite(p: { service: string; providers: string[]; city: string; country: string }): string;
  respondExceedsRto(p: {
    scenario: Entry;
    total: string;
    steps: string[];
    rto: string;
    service: string;
  }): string;
  reviewDueSoon(
    p:
      | { kind: 'plan'; plan?: string; due: Date; daysLeft: number; last: Date; every: Duration }
      | {
          kind: 'contact' | 'access';
          id: string;
          due: Date;
          daysLeft: number;
          last: Date;
          every: Duration;
          command: string;
        },
  ): string;
  rtoExceedsMtpd(p: { service: Entry; rto: string; mtpd: string }): string;
  singleProvider(p: {
    service: string;
    criticality?: string;
    providers: string[];
    min: number;
    /** True when the plan sets minProviders itself. */
    explicit: boolean;
  }): string;
  staleContact(p: Overdue): string;
  staleAccess(p: Overdue): string;
  unknownLevel(p: {
    scenario: Entry;
    axis: 'likelihood' | 'impact';
    /** The value as written, JSON-quoted. */
    value: string;
    defaultMatrix: boolean;
    /** The level whose label was written instead of its number. */
    byLabel?: number;
    scale: { level: number; label: string }[];
  }): string;
  unknownReference(p: {
    from: Referrer;
    kind: 'role' | 'contact' | 'service' | 'scenario';
    id: string;
    guess?: string;
  }): string;
  untreatedRisk(p: {
    scenario: Entry;
    /** The risk class by its label, as the runbook's matrix shows it (like exerciseOverdue's risk). */
    class: string;
    likelihood: string;
    impact: string;
    missing: Part[];
  }): string;
  verifiedInFuture(p: {
    what: 'plan' | 'contact' | 'access' | 'exercise';
    /** The entry's id; undefined when it has none (then `index` names it). */
    id?: string;
    index: number;
    date: Date;
    daysAhead: number;
    asOf: Date;
  }): string;
  secretInPlan(p: {
    /** `access[0].vault`; empty for the document itself. */
    path: string;
    isKey: boolean;
    kinds: SecretKind[];
    /** The masked forms, as shown: `ghp_****, Passwort: ****`. */
    shown: string;
  }): string;
}
