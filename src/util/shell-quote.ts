/** Quotes a path or id for a POSIX shell only when it needs it, so printed commands can be pasted. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/u.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
