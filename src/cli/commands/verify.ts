import { configFor, DEFAULT_DUE_WINDOW, DEFAULT_STALE_AFTER } from '../../config.js';
import { LoadError, UsageError } from '../../errors.js';
import { formatDate, parseDate } from '../../plan/dates.js';
import { dueItems } from '../../plan/due.js';
import { loadPlan } from '../../plan/load.js';
import { resolveMatrix } from '../../plan/matrix.js';
import type { SourceFile } from '../../plan/types.js';
import { editFile, findTargets, type VerifyTarget } from '../../review/verify.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { printable } from '../../util/printable.js';
import { shellQuote } from '../../util/shell-quote.js';
import { parseAsOf, requireFile } from '../options.js';

export interface VerifyOptions {
  date?: string;
  allDue?: boolean;
  yes?: boolean;
  asOf?: string;
  config?: string;
  allowOutsideRoot?: boolean;
}

/**
 * `bcplan verify PLAN ID...`: sets `verified` of contacts and access entries in the file where
 * each is written, changing nothing else. Every id is checked before any file is written.
 */
export async function verify(planPath: string, ids: string[], options: VerifyOptions): Promise<number> {
  const asOf = parseAsOf(options.asOf);
  let date = asOf;
  if (options.date !== undefined) {
    const parsed = parseDate(options.date);
    if (!parsed) throw new UsageError(`--date must be a date like 2026-01-31, not "${options.date}"`);
    if (parsed > asOf) {
      throw new UsageError(
        `--date ${options.date} is after today (${formatDate(asOf)}): a check cannot be recorded in advance`,
      );
    }
    date = parsed;
  }
  if (ids.length === 0 && !options.allDue) {
    throw new UsageError('name the contact or access ids to verify, or use --all-due');
  }
  const interactive = process.stdin.isTTY === true;
  if (options.allDue && !options.yes && !interactive) {
    throw new UsageError('--all-due asks for confirmation: run it on a terminal, or add --yes');
  }

  requireFile(planPath);
  const plan = loadPlan(planPath, options.allowOutsideRoot ? { allowOutsideRoot: true } : {});
  if (plan.root.tree === undefined || plan.root.data === undefined) {
    const first = plan.findings.find((f) => f.file === plan.root.path);
    const where = first ? `${planPath}:${first.line}:${first.column}` : planPath;
    throw new LoadError(
      `cannot read ${where}${first ? `: ${first.message}` : ''}; run bcplan validate ${shellQuote(planPath)} for every problem`,
    );
  }

  const names = [...ids];
  if (options.allDue) {
    const config = configFor(planPath, options.config);
    const due = dueItems(plan, {
      asOf,
      staleAfter: config.staleAfter ?? DEFAULT_STALE_AFTER,
      dueWindow: config.dueWindow ?? DEFAULT_DUE_WINDOW,
      matrix: resolveMatrix(plan),
    }).filter((i) => (i.kind === 'contact' || i.kind === 'access') && i.state !== 'ok');
    for (const i of due) names.push(`${i.kind === 'contact' ? 'contacts' : 'access'}/${i.id}`);
    if (names.length === 0) {
      process.stdout.write(`nothing is due in ${planPath} (as of ${formatDate(asOf)})\n`);
      return 0;
    }
  }

  const dateText = formatDate(date);
  const found = findTargets(plan, names);
  const targets = found.filter((t) => t.old !== dateText);
  for (const t of found.filter((t) => t.old === dateText)) {
    process.stdout.write(
      `${printable(`${t.kind}/${t.id} already verified ${dateText} in ${t.file.path}`)}\n`,
    );
  }
  if (targets.length === 0) return 0;
  if (options.allDue && !options.yes) {
    process.stderr.write(`${targets.map((t) => `  ${printable(describe(t))}`).join('\n')}\n`);
    const { askConfirm, isPromptCancel } = await import('../prompts.js');
    let ok: boolean;
    try {
      ok = await askConfirm({
        message: `Record ${targets.length} entr${targets.length === 1 ? 'y' : 'ies'} as verified on ${dateText}?`,
      });
    } catch (error) {
      if (isPromptCancel(error)) ok = false;
      else throw error;
    }
    if (!ok) {
      process.stderr.write('nothing changed\n');
      return 1;
    }
  }

  // Plan every file's new text first: a problem in any of them leaves all files untouched.
  const byFile = new Map<SourceFile, VerifyTarget[]>();
  for (const t of targets) byFile.set(t.file, [...(byFile.get(t.file) ?? []), t]);
  const edits = [...byFile].map(([file, list]) => editFile(file, list, dateText));
  for (const edit of edits) writeFileAtomic(edit.file.absPath, edit.text);
  for (const t of targets) {
    process.stdout.write(
      `${printable(`${t.kind}/${t.id} verified ${t.old ?? '(none)'} → ${dateText} in ${t.file.path}`)}\n`,
    );
  }
  return 0;
}

function describe(t: VerifyTarget): string {
  return `${t.kind}/${t.id} in ${t.file.path} (verified ${t.old ?? 'never'})`;
}
