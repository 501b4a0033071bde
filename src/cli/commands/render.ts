import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { allRules } from '../../checks/index.js';
import { UsageError } from '../../errors.js';
import { LANGUAGES, planLanguage } from '../../plan/matrix.js';
import { stylish } from '../../report/stylish.js';
import { joinPieces } from '../../report/text.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { type CheckOptions, checkPlan, findingsWorded, sortFindings } from '../../validate.js';
import { useColor } from '../color.js';
import { parseAsOf, parseChoice, refuseOverwritingInput, requireFile, sourceDateEpoch } from '../options.js';

export interface RenderOptions {
  output?: string;
  lang?: string;
  role?: string;
  redact?: boolean;
  force?: boolean;
  asOf?: string;
  config?: string;
  allowOutsideRoot?: boolean;
}

/**
 * "Today" and the PDF's date: --as-of, else SOURCE_DATE_EPOCH (reproducible builds),
 * else now. Either fixed input makes the output byte-identical.
 */
function renderDates(asOf: string | undefined, env = process.env): { asOf: Date; created: Date } {
  if (asOf !== undefined) {
    const day = parseAsOf(asOf);
    return { asOf: day, created: new Date(Date.UTC(day.getFullYear(), day.getMonth(), day.getDate())) };
  }
  const created = sourceDateEpoch(env);
  if (created) {
    return {
      asOf: new Date(created.getUTCFullYear(), created.getUTCMonth(), created.getUTCDate()),
      created,
    };
  }
  return { asOf: parseAsOf(undefined), created: new Date() };
}

/** The last commit of the plan file and whether the working copy differs; undefined outside git. */
export function gitCommit(file: string): { hash: string; modified: boolean } | undefined {
  const cwd = path.dirname(path.resolve(file));
  const name = path.basename(file);
  const git = (args: string[]) =>
    // core.fsmonitor off: a plan repository's own config must not make `git status` run a program.
    execFileSync('git', ['-c', 'core.fsmonitor=false', ...args], {
      cwd,
      timeout: 5000,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  try {
    const hash = git(['log', '-1', '--format=%h', '--', name]);
    if (!/^[0-9a-f]{4,40}$/.test(hash)) return undefined;
    return { hash, modified: git(['status', '--porcelain', '--', name]) !== '' };
  } catch {
    return undefined;
  }
}

/** `bcplan render`: checks the plan, renders the runbook, writes it atomically (SPEC §4). */
export async function render(planPath: string, options: RenderOptions): Promise<number> {
  const language = parseChoice('--lang', options.lang, LANGUAGES);
  const { asOf, created } = renderDates(options.asOf);
  requireFile(planPath);
  const output = options.output ?? planPath.replace(/(\.ya?ml)?$/i, '.pdf');

  const checkOptions: CheckOptions = {
    asOf,
    ...(options.config ? { configFile: options.config } : {}),
    ...(options.allowOutsideRoot ? { allowOutsideRoot: true } : {}),
  };
  const result = checkPlan(planPath, checkOptions);
  refuseOverwritingInput(
    output,
    [planPath, ...result.plan.files.map((f) => f.path)],
    options.output ? undefined : `the runbook ${output} (the default output)`,
  );
  if (
    options.role !== undefined &&
    result.plan.root.data !== undefined &&
    !result.plan.roles.some((r) => r.value.id === options.role)
  ) {
    throw new UsageError(`--role ${options.role}: the plan has no such role`);
  }
  const findings = sortFindings(result.findings);
  const errors = findings.filter((f) => f.severity === 'error');
  const printFindings = () =>
    process.stderr.write(
      joinPieces(
        stylish(findings, {
          files: result.plan.files.map((f) => f.path),
          color: useColor(process.stderr, undefined),
          rules: allRules(),
          toolVersion: '',
        }),
      ),
    );
  const unreadable = result.plan.root.data === undefined;
  if (unreadable || (errors.length > 0 && !options.force)) {
    printFindings();
    process.stderr.write(
      unreadable
        ? `bcplan: ${planPath} cannot be read as a plan: no runbook written\n`
        : `bcplan: ${planPath} has ${errors.length} error${errors.length === 1 ? '' : 's'}: no runbook written (--force renders a draft)\n`,
    );
    return 1;
  }
  if (!result.plan.plan) {
    throw new UsageError(`${planPath} has no plan section (a fragment): render the plan that imports it`);
  }

  const { renderRunbook } = await import('../../render/index.js');
  // The terminal gets the findings in English, as from validate; the appendix in the runbook's language.
  const runbookLanguage = language ?? planLanguage(result.plan);
  let appendix = findings;
  if (runbookLanguage !== 'en') {
    const { MESSAGES } = await import('../../checks/messages/index.js');
    appendix = sortFindings(
      findingsWorded(result, { ...checkOptions, language: runbookLanguage }, MESSAGES[runbookLanguage]),
    );
  }
  const bytes = await renderRunbook(result.plan, {
    language,
    asOf,
    created,
    role: options.role,
    redact: options.redact,
    staleAfter: result.config.staleAfter,
    dueWindow: result.config.dueWindow,
    draftErrors: errors.length,
    findings: appendix.filter((f) => f.severity !== 'info'),
    commit: gitCommit(planPath),
  });
  writeFileAtomic(output, bytes);
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const notes = [
    errors.length > 0 ? `DRAFT with ${errors.length} error${errors.length === 1 ? '' : 's'}` : '',
    warnings > 0 ? `${warnings} warning${warnings === 1 ? '' : 's'} listed in the appendix` : '',
  ].filter(Boolean);
  process.stdout.write(`bcplan: wrote ${output}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}\n`);
  return 0;
}
