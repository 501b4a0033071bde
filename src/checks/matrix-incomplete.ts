import { isRecord } from './entries.js';
import type { Rule, RuleFinding } from './types.js';

export const matrixIncomplete = {
  id: 'matrix-incomplete',
  severity: 'error',
  description:
    'The risk matrix classifies every cell: classes reach the highest score, or the grid has one known class per cell.',
  check({ plan, matrix, say }) {
    const section = plan.riskMatrix;
    if (!section || matrix.isDefault) return [];
    const { file, pointer } = section;
    const findings: RuleFinding[] = [];
    const at = (p: string, message: string) => findings.push({ file, pointer: p, message });
    const rows = matrix.likelihood.length;
    const cols = matrix.impact.length;
    const rawClasses = section.value.classes;
    const classIds = matrix.classes.map((c) => c.id);
    const grid = section.value.grid;

    if (grid !== undefined && grid !== null) {
      // With a grid, the grid decides every class: check its shape and its cells.
      if (!Array.isArray(grid)) return findings; // the schema reports the type
      const gridPointer = `${pointer}/grid`;
      if (rows > 0 && grid.length !== rows) {
        at(gridPointer, say.matrixGridRows({ rows: grid.length, levels: rows }));
      }
      grid.forEach((row, r) => {
        if (!Array.isArray(row)) return;
        const likelihood = matrix.likelihood[r]?.level;
        const rowOf = { row: r + 1, ...(likelihood !== undefined ? { likelihood } : {}) };
        if (cols > 0 && row.length !== cols) {
          at(`${gridPointer}/${r}`, say.matrixGridCells({ ...rowOf, cells: row.length, levels: cols }));
        }
        row.forEach((cell, c) => {
          if (typeof cell !== 'string' || classIds.includes(cell)) return;
          at(
            `${gridPointer}/${r}/${c}`,
            say.matrixUnknownClass({ ...rowOf, cell: c + 1, value: cell, classes: classIds }),
          );
        });
      });
      return findings;
    }

    // Without a grid: class = the first whose upTo >= likelihood × impact.
    if (!Array.isArray(rawClasses)) return findings; // missing classes: a schema finding
    rawClasses.forEach((c, i) => {
      if (!isRecord(c) || c.upTo !== undefined) return;
      at(
        `${pointer}/classes/${i}/id`,
        say.matrixNoUpTo({ class: { kind: 'class', id: c.id, pointer: `/classes/${i}` } }),
      );
    });
    if (rows === 0 || cols === 0) return findings;
    const maxL = matrix.likelihood.at(-1)!.level;
    const maxI = matrix.impact.at(-1)!.level;
    const highest = maxL * maxI;
    const reach = matrix.classes.filter((c) => c.upTo !== undefined);
    if (reach.some((c) => c.upTo! >= highest)) return findings;
    if (reach.length === 0) {
      if (rawClasses.length === 0) {
        at(`${pointer}/classes`, say.matrixNoClasses({ highest, likelihood: maxL, impact: maxI }));
      }
      return findings;
    }
    const top = reach.reduce((a, b) => (b.upTo! > a.upTo! ? b : a));
    const index = rawClasses.findIndex((c) => isRecord(c) && c.id === top.id);
    at(
      index >= 0 ? `${pointer}/classes/${index}/upTo` : pointer,
      say.matrixTooLow({ upTo: top.upTo!, class: top.id, highest, likelihood: maxL, impact: maxI }),
    );
    return findings;
  },
} satisfies Rule;
