import type { Duration } from '../plan/dates.js';
import type { Matrix } from '../plan/matrix.js';
import type { LoadedPlan, Severity, SourceFile } from '../plan/types.js';
import type { Messages } from './messages/types.js';

/** What a rule reports: where (file + JSON pointer) and what. The engine adds rule id, severity and position. */
export interface RuleFinding {
  file: SourceFile;
  pointer: string;
  message: string;
  /** Point at the key instead of the value (unknown keys). */
  target?: 'value' | 'key';
}

export interface RuleContext {
  plan: LoadedPlan;
  /** "Now" for every date rule: --as-of, else today (local midnight). */
  asOf: Date;
  /** How long a `verified` date stays fresh (SPEC: P12M; --stale-after / config). */
  staleAfter: Duration;
  /** The due-soon window (SPEC: P30D; config dueWindow). */
  dueWindow: Duration;
  /** The plan's matrix, or the default one. */
  matrix: Matrix;
  /** True when the file is a fragment validated on its own. */
  isFragment: boolean;
  /** The words of every message: English for validate, the runbook's language for its appendix. */
  say: Messages;
}

/** One continuity rule. Pure: never throws, never prints, tolerates schema-broken data. */
export interface Rule {
  id: string;
  severity: Severity;
  /** One sentence: what the rule checks (SARIF shortDescription, docs). */
  description: string;
  /** Runs on fragments validated on their own too (SPEC §1: id and date rules). */
  fragments?: boolean;
  check(ctx: RuleContext): RuleFinding[];
}
