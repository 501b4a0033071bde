/**
 * Makes plan text safe for a terminal or a log line: line breaks become spaces, other
 * control characters (ESC sequences could recolour or rewrite the terminal) become `\uXXXX`,
 * and so do the line and paragraph separators and the bidirectional overrides and isolates,
 * which would let a name reorder the rest of its line (a command shown backwards). Tabs and
 * the right-to-left and left-to-right marks a name in Arabic or Hebrew may hold stay.
 */
export function printable(s: string): string {
  return s
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(
      /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
    );
}
