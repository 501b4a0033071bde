import type { SourceNode } from './tree.js';

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** One problem found in a plan, pointing at file:line:column (1-based). */
export interface Finding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  rule: string;
  message: string;
  pointer: string;
  /**
   * The pointer with each list position replaced by the entry's id where it has one
   * (`/contacts/@ivar-solberg/id`), when that differs: what a SARIF fingerprint hashes, so that
   * an alert keeps its identity when an entry is added above it. Never printed.
   */
  anchor?: string;
}

/** A YAML file as read from disk, with the parsed document and its positions. */
export interface SourceFile {
  /** Path as shown to the user: as given on the command line, imports joined onto it. */
  path: string;
  absPath: string;
  text: string;
  /** Where each value is written; undefined when the file could not be read or parsed at all. */
  tree: SourceNode | undefined;
  /** Which parser read it: js-yaml for plain YAML, yaml for the rest (see load.ts). */
  parser?: 'js-yaml' | 'yaml';
  /** Offsets of line starts, counted when a finding first needs them (see source.ts). */
  lines?: number[];
  /** The plain data, or undefined when the YAML was not well-formed. */
  data: unknown;
  /** `plan` when the file has a `plan` section, else `fragment`. */
  kind: 'plan' | 'fragment';
}

/** An entry together with the file and JSON pointer where it is written. */
export interface Located<T> {
  value: T;
  file: SourceFile;
  pointer: string;
}

// Entry shapes as the schema describes them. Every field is optional and `unknown`-ish in
// practice: rules run on schema-broken plans too, so they must check types before use.
export interface PlanSection {
  id?: unknown;
  title?: unknown;
  organization?: unknown;
  version?: unknown;
  owner?: unknown;
  emergencyOfficer?: unknown;
  reviewed?: unknown;
  reviewEvery?: unknown;
  language?: unknown;
  classification?: unknown;
  approvedBy?: unknown;
  approved?: unknown;
  activation?: { criteria?: unknown; authorizedRoles?: unknown };
  distribution?: unknown;
  regulations?: unknown;
  insurance?: unknown;
}

export interface Level {
  level?: unknown;
  label?: unknown;
  description?: unknown;
}

export interface RiskClass {
  id?: unknown;
  label?: unknown;
  acceptable?: unknown;
  color?: unknown;
  upTo?: unknown;
}

export interface RiskMatrixSection {
  likelihood?: unknown;
  impact?: unknown;
  classes?: unknown;
  grid?: unknown;
}

export interface Role {
  id?: unknown;
  title?: unknown;
  primary?: unknown;
  deputies?: unknown;
  duties?: unknown;
}

export interface Contact {
  id?: unknown;
  name?: unknown;
  organization?: unknown;
  phone?: unknown;
  mobile?: unknown;
  email?: unknown;
  verified?: unknown;
}

export interface Provider {
  id?: unknown;
  name?: unknown;
  services?: unknown;
  site?: { city?: unknown; country?: unknown };
  contacts?: unknown;
  sla?: unknown;
  contractEnds?: unknown;
  substitutability?: unknown;
  exitPlan?: unknown;
}

export interface Service {
  id?: unknown;
  name?: unknown;
  criticality?: unknown;
  rto?: unknown;
  rpo?: unknown;
  mtpd?: unknown;
  minProviders?: unknown;
}

export interface Step {
  action?: unknown;
  owner?: unknown;
  within?: unknown;
}

export interface Scenario {
  id?: unknown;
  title?: unknown;
  description?: unknown;
  likelihood?: unknown;
  impact?: unknown;
  services?: unknown;
  owner?: unknown;
  trigger?: unknown;
  measures?: { prevent?: unknown; respond?: unknown; recover?: unknown };
}

export interface Communication {
  audience?: unknown;
  owner?: unknown;
  channel?: unknown;
  within?: unknown;
  message?: unknown;
}

export interface Access {
  id?: unknown;
  system?: unknown;
  vault?: unknown;
  holders?: unknown;
  verified?: unknown;
}

export interface Exercise {
  date?: unknown;
  kind?: unknown;
  scenarios?: unknown;
  outcome?: unknown;
  notes?: unknown;
}

/**
 * A plan with its imports merged: every entry keeps the file and pointer where it is written.
 * `contacts`, `roles`, `providers` and `access` come from the root file and its imports;
 * the other sections only from the root file.
 */
export interface LoadedPlan {
  root: SourceFile;
  /** The root file first, then every imported file once, in import order. */
  files: SourceFile[];
  /** yaml-syntax and import findings found while loading. */
  findings: Finding[];
  plan: Located<PlanSection> | undefined;
  riskMatrix: Located<RiskMatrixSection> | undefined;
  roles: Located<Role>[];
  contacts: Located<Contact>[];
  providers: Located<Provider>[];
  services: Located<Service>[];
  scenarios: Located<Scenario>[];
  communication: Located<Communication>[];
  access: Located<Access>[];
  exercises: Located<Exercise>[];
}
