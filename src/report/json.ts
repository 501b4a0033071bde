import { each, jsonPieces } from './json-pieces.js';
import type { Formatter } from './types.js';

/** SPEC §4: `{ findings: [...], summary: { files, errors, warnings, infos } }`, fields in spec order. */
export const json: Formatter = function* (findings, ctx) {
  const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
  const out = {
    findings: each(findings, (f) => ({
      file: f.file,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      severity: f.severity,
      rule: f.rule,
      message: f.message,
      pointer: f.pointer,
    })),
    summary: {
      files: ctx.files.length,
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
    },
  };
  yield* jsonPieces(out);
  yield '\n';
};
