import type { RuleMeta } from '../checks/index.js';
import type { Finding } from '../plan/types.js';

export interface ReportContext {
  /** Every file validated (plans and their imports), as shown to the user. */
  files: string[];
  /** Colour for terminal formats; decided by the CLI per stream. */
  color: boolean;
  /** Every rule the run knew, for SARIF's rule list and help texts. */
  rules: RuleMeta[];
  toolVersion: string;
}

/** Turns findings into the text of one output format. Pure. */
export type Formatter = (findings: Finding[], ctx: ReportContext) => string;
