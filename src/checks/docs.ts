import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** docs/rules.md, shipped with the package; resolved from src/checks, dist/checks and dist/chunks alike. */
export const RULES_DOC_PATH = fileURLToPath(new URL('../../docs/rules.md', import.meta.url));

/**
 * Each rule's section of docs/rules.md (what it checks, why, an example, how to fix it) as
 * Markdown, by rule id: SARIF carries it as the rule's help, which code-scanning tools show
 * beside an alert. Empty when the file cannot be read: the help then falls back to a sentence.
 */
export function ruleDocs(text?: string): Map<string, string> {
  let doc = text;
  if (doc === undefined) {
    try {
      doc = readFileSync(RULES_DOC_PATH, 'utf8');
    } catch {
      return new Map();
    }
  }
  const docs = new Map<string, string>();
  for (const section of doc.split(/^## /m).slice(1)) {
    const end = section.indexOf('\n');
    const id = section.slice(0, end).trim();
    // The severity line is left out: SARIF states the default level, and config may change it.
    const body = section
      .slice(end + 1)
      .replace(/^\*\*Severity:\*\*.*\n+/m, '')
      .trim();
    if (/^[a-z]+(?:-[a-z]+)*$/.test(id) && body !== '') docs.set(id, body);
  }
  return docs;
}
