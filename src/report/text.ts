import path from 'node:path';
import type { Finding } from '../plan/types.js';
import { plural } from '../util/plural.js';

/** A report's pieces as one string, for the few findings a command prints beside its work. */
export function joinPieces(pieces: Iterable<string>): string {
  let text = '';
  for (const piece of pieces) text += piece;
  return text;
}

/** `3 problems (1 error, 2 warnings, 0 infos)`. */
export function countFindings(findings: Finding[]): string {
  const n = (severity: string) => findings.filter((f) => f.severity === severity).length;
  return `${plural(findings.length, 'problem')} (${plural(n('error'), 'error')}, ${plural(n('warning'), 'warning')}, ${plural(n('info'), 'info')})`;
}

/**
 * `file` (as given, relative to `cwd`) from the repository root `root`, with `/`; undefined when
 * it is not inside `root`. GitHub reads annotation and SARIF paths from the repository root.
 */
export function fromRoot(file: string, cwd: string, root: string): string | undefined {
  const rel = path.relative(path.resolve(root), path.resolve(cwd, file));
  if (rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}
