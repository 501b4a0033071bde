import type { Finding, Severity } from '../plan/types.js';
import { plural } from '../util/plural.js';
import { printable } from '../util/printable.js';
import { countFindings, fromRoot } from './text.js';
import type { Formatter, ReportContext } from './types.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

// Workflow commands are one line each: escape as actions/toolkit does (core/src/command.ts),
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * The runner passes a relative `file=` through unchanged and GitHub reads it from the repository
 * root (actions/runner IssueCommandExtension), so a path from a subfolder or with `../` would
 * annotate nothing: rebase it onto the workspace. Outside one, the file stays as given.
 */
function annotationPath(file: string, ctx: ReportContext): string {
  return (ctx.root && fromRoot(file, ctx.cwd ?? process.cwd(), ctx.root)) || file;
}

function annotation(f: Finding, ctx: ReportContext): string {
  const props = [
    `file=${escapeProperty(printable(annotationPath(f.file, ctx)))}`,
    `line=${f.line}`,
    `col=${f.column}`,
    `endLine=${f.endLine}`,
    `endColumn=${f.endColumn}`,
    `title=${escapeProperty(f.rule)}`,
  ].join(',');
  const message = f.message
    .split(/\r\n|\r|\n/)
    .map(printable)
    .join('\n');
  return `::${COMMAND[f.severity]} ${props}::${escapeData(message)}`;
}

/**
 * GitHub Actions annotations, then the full list as plain text: GitHub shows only 10
 * annotations of each kind per step, the log keeps everything.
 */
export const github: Formatter = function* (findings, ctx) {
  for (const f of findings) yield `${annotation(f, ctx)}\n`;
  if (findings.length > 0) yield '\n';
  for (const f of findings) {
    yield `${printable(f.file)}:${f.line}:${f.column}  ${f.severity}  ${printable(f.message)}  (${f.rule})\n`;
  }
  yield `bcplan: ${countFindings(findings)} in ${plural(ctx.files.length, 'file')}\n`;
};
