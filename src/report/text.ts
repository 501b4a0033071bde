import type { Finding } from '../plan/types.js';
import { plural } from '../util/plural.js';

/** `3 problems (1 error, 2 warnings, 0 infos)`. */
export function countFindings(findings: Finding[]): string {
  const n = (severity: string) => findings.filter((f) => f.severity === severity).length;
  return `${plural(findings.length, 'problem')} (${plural(n('error'), 'error')}, ${plural(n('warning'), 'warning')}, ${plural(n('info'), 'info')})`;
}

/**
 * Makes plan text safe for a terminal or a log line: line breaks become spaces, other
 * control characters (ESC sequences could recolour or rewrite the terminal) become `\uXXXX`.
 */
export function printable(s: string): string {
  return s
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(
      /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
    );
}
