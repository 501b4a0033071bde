import { plural } from '../util/plural.js';
import { entryName, isRecord, joinIds } from './entries.js';
import type { Rule, RuleFinding } from './types.js';

export const matrixIncomplete = {
  id: 'matrix-incomplete',
  severity: 'error',
  description:
    'The risk matrix classifies every cell: classes reach the highest score, or the grid has one known class per cell.',
  check({ plan, matrix }) {
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
        at(
          gridPointer,
          `riskMatrix.grid has ${plural(grid.length, 'row')} but the matrix has ${plural(rows, 'likelihood level')}: write one row per likelihood level, lowest first`,
        );
      }
      grid.forEach((row, r) => {
        if (!Array.isArray(row)) return;
        const rowName = `riskMatrix.grid row ${r + 1}${matrix.likelihood[r] ? ` (likelihood ${matrix.likelihood[r]!.level})` : ''}`;
        if (cols > 0 && row.length !== cols) {
          at(
            `${gridPointer}/${r}`,
            `${rowName} has ${plural(row.length, 'cell')} but the matrix has ${plural(cols, 'impact level')}: write one class id per impact level, lowest first`,
          );
        }
        row.forEach((cell, c) => {
          if (typeof cell !== 'string' || classIds.includes(cell)) return;
          at(
            `${gridPointer}/${r}/${c}`,
            `${rowName}, cell ${c + 1}: ${cell} is not a class of riskMatrix.classes: use one of ${joinIds(classIds) || '(no classes defined)'}`,
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
        `${entryName('class', c.id, `/classes/${i}`)} has no upTo: without a grid every class needs upTo, the highest score it covers`,
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
        at(
          `${pointer}/classes`,
          `riskMatrix.classes is empty: add classes with upTo up to ${highest} (likelihood ${maxL} × impact ${maxI}), or a grid`,
        );
      }
      return findings;
    }
    const top = reach.reduce((a, b) => (b.upTo! > a.upTo! ? b : a));
    const index = rawClasses.findIndex((c) => isRecord(c) && c.id === top.id);
    at(
      index >= 0 ? `${pointer}/classes/${index}/upTo` : pointer,
      `riskMatrix.classes reach only score ${top.upTo} (class ${top.id}) but the highest score is ${highest} (likelihood ${maxL} × impact ${maxI}): raise the upTo of the last class to ${highest} or add a class`,
    );
    return findings;
  },
} satisfies Rule;
