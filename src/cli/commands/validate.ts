import { accessSync, constants } from 'node:fs';
import { allRules } from '../../checks/index.js';
import { LoadError, UsageError } from '../../errors.js';
import { durationSeconds } from '../../plan/dates.js';
import { discoverPlans } from '../../plan/discover.js';
import { LANGUAGES } from '../../plan/matrix.js';
import { SEVERITIES, type Severity } from '../../plan/types.js';
import { FORMAT_NAMES, type FormatName, formatters } from '../../report/index.js';
import { batchPieces, writeFileAtomic } from '../../util/atomic-write.js';
import { readErrorReason } from '../../util/read-error.js';
import { threadsFor, validatePlansParallel } from '../../validate-parallel.js';
import { useColor } from '../color.js';
import {
  parseAsOf,
  parseChoice,
  parseCount,
  parseDurationOption,
  refuseOverwritingInput,
} from '../options.js';

export interface ValidateOptions {
  format?: string;
  output?: string;
  failSeverity?: string;
  maxWarnings?: string;
  quiet?: boolean;
  asOf?: string;
  staleAfter?: string;
  config?: string;
  color?: boolean;
  allowOutsideRoot?: boolean;
  jobs?: string;
  lang?: string;
}

/** `bcplan validate`: prints the report and returns the exit code (SPEC §4). */
export async function validate(paths: string[], options: ValidateOptions, version: string): Promise<number> {
  const format: FormatName =
    parseChoice('--format', options.format, FORMAT_NAMES) ??
    (process.env.GITHUB_ACTIONS === 'true' ? 'github' : 'stylish');
  const failSeverity: Severity = parseChoice('--fail-severity', options.failSeverity, SEVERITIES) ?? 'error';
  // -1 is "no limit", as in ESLint, so scripts written for it keep working.
  const maxWarnings =
    options.maxWarnings === '-1' ? undefined : parseCount('--max-warnings', options.maxWarnings);
  const asOf = parseAsOf(options.asOf);
  const staleAfter = parseDurationOption('--stale-after', options.staleAfter);
  if (staleAfter && durationSeconds(staleAfter) === 0) {
    throw new UsageError('--stale-after must be longer than zero, like P12M');
  }
  const jobs = parseCount('--jobs', options.jobs);
  if (jobs === 0) throw new UsageError('--jobs must be 1 or more');
  const wording = parseChoice('--lang', options.lang, LANGUAGES);

  const planPaths = await discoverPlans(paths.length > 0 ? paths : ['.']);
  // SPEC §4: an unreadable path given on the command line is exit 2, not a finding.
  for (const p of planPaths) {
    try {
      accessSync(p, constants.R_OK);
    } catch (error) {
      throw new LoadError(`cannot read ${p}: ${readErrorReason(error)}`);
    }
  }
  const result = await validatePlansParallel(
    planPaths,
    {
      asOf,
      ...(staleAfter ? { staleAfter } : {}),
      ...(options.config ? { configFile: options.config } : {}),
      ...(options.allowOutsideRoot ? { allowOutsideRoot: true } : {}),
    },
    threadsFor(planPaths.length, jobs),
    wording,
  );
  if (options.output) refuseOverwritingInput(options.output, result.files);
  const shown = options.quiet ? result.findings.filter((f) => f.severity === 'error') : result.findings;
  const formatter = await formatters[format]();
  const color = options.output ? false : useColor(process.stdout, options.color);
  let rules = allRules();
  if (format === 'sarif') {
    // Code scanning shows a rule's help beside its alerts: the whole section of docs/rules.md.
    const docs = (await import('../../checks/docs.js')).ruleDocs();
    rules = rules.map((r) => (docs.has(r.id) ? { ...r, help: docs.get(r.id)! } : r));
  }
  const report = formatter(shown, {
    files: result.files,
    color,
    rules,
    toolVersion: version,
    asOf,
    cwd: process.cwd(),
    ...(process.env.GITHUB_WORKSPACE ? { root: process.env.GITHUB_WORKSPACE } : {}),
  });
  if (options.output) writeFileAtomic(options.output, report);
  else await print(report);

  const rank = (s: Severity) => SEVERITIES.indexOf(s);
  const failing = result.findings.some((f) => rank(f.severity) <= rank(failSeverity));
  const warnings = result.findings.filter((f) => f.severity === 'warning').length;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    process.stderr.write(`bcplan: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  // --quiet hides findings but does not change the exit code: say why it is 1.
  if (failing && !shown.some((f) => rank(f.severity) <= rank(failSeverity))) {
    process.stderr.write(
      `bcplan: findings at or above --fail-severity ${failSeverity} are hidden by --quiet\n`,
    );
  }
  return failing ? 1 : 0;
}

/**
 * Writes the report to stdout as it is produced, waiting while the pipe is full, so a huge
 * report is never held whole in memory. A reader that went away (`| head`, EPIPE) ends it
 * quietly; src/cli/index.ts handles stdout's errors.
 */
async function print(report: Iterable<string>): Promise<void> {
  const out = process.stdout;
  for (const chunk of batchPieces(report)) {
    if (out.destroyed) return;
    if (!out.write(chunk)) await drained(out);
  }
}

/** Resolves when `out` takes more, or will never again (an error, closed). */
function drained(out: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done).off('error', done).off('close', done);
      resolve();
    };
    out.on('drain', done).on('error', done).on('close', done);
  });
}
