import { Chalk } from 'chalk';
import type { Finding } from '../plan/types.js';
import { printable } from '../util/printable.js';
import { countFindings } from './text.js';
import type { Formatter } from './types.js';

/** ESLint-style: findings grouped per file, then one summary line. Empty output when clean. */
export const stylish: Formatter = function* (findings, ctx) {
  if (findings.length === 0) return;
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  // Grouped in one pass, widths by reduce: `Math.max(...list)` passes every finding as an
  // argument, and 120,000 findings in one file overflowed the call stack.
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    const own = byFile.get(f.file);
    if (own) own.push(f);
    else byFile.set(f.file, [f]);
  }
  const position = (f: Finding) => `${f.line}:${f.column}`;
  for (const [file, own] of byFile) {
    yield `${c.underline(printable(file))}\n`;
    const posWidth = own.reduce((max, f) => Math.max(max, position(f).length), 0);
    const sevWidth = own.reduce((max, f) => Math.max(max, f.severity.length), 0);
    for (const f of own) {
      const sev = f.severity.padEnd(sevWidth);
      const colored =
        f.severity === 'error' ? c.red(sev) : f.severity === 'warning' ? c.yellow(sev) : c.blue(sev);
      yield `  ${c.dim(position(f).padEnd(posWidth))}  ${colored}  ${printable(f.message)}  ${c.dim(f.rule)}\n`;
    }
    yield '\n';
  }
  const summary = countFindings(findings);
  yield `${findings.some((f) => f.severity === 'error') ? c.red.bold(`✖ ${summary}`) : c.yellow.bold(`⚠ ${summary}`)}\n`;
};
