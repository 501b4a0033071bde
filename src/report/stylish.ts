import { Chalk } from 'chalk';
import { countFindings, printable } from './text.js';
import type { Formatter } from './types.js';

/** ESLint-style: findings grouped per file, then one summary line. Empty output when clean. */
export const stylish: Formatter = (findings, ctx) => {
  if (findings.length === 0) return '';
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const lines: string[] = [];
  const files = [...new Set(findings.map((f) => f.file))];
  for (const file of files) {
    const own = findings.filter((f) => f.file === file);
    lines.push(c.underline(printable(file)));
    const pos = own.map((f) => `${f.line}:${f.column}`);
    const posWidth = Math.max(...pos.map((p) => p.length));
    const sevWidth = Math.max(...own.map((f) => f.severity.length));
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
