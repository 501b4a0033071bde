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
