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
  /** The run's "today" (--as-of): JUnit's timestamp, so a report never depends on the clock. */
  asOf?: Date;
  /** The folder relative paths are taken from (SARIF's %SRCROOT%); default process.cwd(). */
  cwd?: string;
  /**
   * The repository root on a CI runner (GITHUB_WORKSPACE): GitHub maps a relative annotation
   * path from there, not from the folder bcplan ran in.
   */
  root?: string;
}

/**
 * Turns findings into the text of one output format, in pieces to write as they come: a
 * report of a million findings never has to fit in one string. Pure; iterate it once.
 */
export type Formatter = (findings: Finding[], ctx: ReportContext) => Iterable<string>;
