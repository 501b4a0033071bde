import { Chalk } from 'chalk';
import { countFindings, printable } from './text.js';
import type { Formatter } from './types.js';

/** ESLint-style: findings grouped per file, then one summary line. Empty output when clean. */
export const stylish: Formatter = (findings, ctx) => {
  if (findings.length === 0) return '';
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const lines: string[] = [];
  // Grouped in one pass, widths by reduce: `Math.max(...list)` passes every finding as an
  // argument, and 120,000 findings in one file overflowed the call stack.
  const byFile = new Map<string, typeof findings>();
  for (const f of findings) {
    const own = byFile.get(f.file);
    if (own) own.push(f);
    else byFile.set(f.file, [f]);
  }
  for (const [file, own] of byFile) {
    lines.push(c.underline(printable(file)));
    const pos = own.map((f) => `${f.line}:${f.column}`);
    const posWidth = pos.reduce((max, p) => Math.max(max, p.length), 0);
    const sevWidth = own.reduce((max, f) => Math.max(max, f.severity.length), 0);
    own.forEach((f, i) => {
      const sev = f.severity.padEnd(sevWidth);
      const colored =
        f.severity === 'error' ? c.red(sev) : f.severity === 'warning' ? c.yellow(sev) : c.blue(sev);
      lines.push(
        `  ${c.dim(pos[i]!.padEnd(posWidth))}  ${colored}  ${printable(f.message)}  ${c.dim(f.rule)}`,
      );
    });
    lines.push('');
  }
  const summary = countFindings(findings);
  lines.push(
    findings.some((f) => f.severity === 'error') ? c.red.bold(`✖ ${summary}`) : c.yellow.bold(`⚠ ${summary}`),
  );
  return `${lines.join('\n')}\n`;
};
