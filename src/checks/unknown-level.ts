import type { MatrixLevel } from '../plan/matrix.js';
import { entryName } from './entries.js';
import type { Rule, RuleFinding } from './types.js';

function describe(levels: MatrixLevel[]): string {
  return levels.map((l) => `${l.level} ${l.label}`).join(', ');
}

export const unknownLevel = {
  id: 'unknown-level',
  severity: 'error',
  description: "A scenario's likelihood and impact are level numbers of the risk matrix.",
  check({ plan, matrix }) {
    const findings: RuleFinding[] = [];
    for (const s of plan.scenarios) {
      for (const axis of ['likelihood', 'impact'] as const) {
        const value = s.value[axis];
        const levels = matrix[axis];
        // Missing values and broken matrices are schema and matrix-incomplete findings.
        if (levels.length === 0 || (typeof value !== 'number' && typeof value !== 'string')) continue;
        if (levels.some((l) => l.level === value)) continue;
        const byLabel =
          typeof value === 'string'
            ? levels.find((l) => l.label.toLocaleLowerCase() === value.trim().toLocaleLowerCase())
            : undefined;
        const first = levels[0]!.level;
        const last = levels.at(-1)!.level;
        const source = matrix.isDefault ? 'the default matrix' : 'riskMatrix';
        const fix = byLabel
          ? `write the level number ${byLabel.level} instead of its label`
          : `use one of ${first}–${last} (${describe(levels)})`;
        findings.push({
          file: s.file,
          pointer: `${s.pointer}/${axis}`,
          message: `${entryName('scenario', s.value.id, s.pointer)}: ${axis} ${JSON.stringify(value)} is not ${axis === 'impact' ? 'an' : 'a'} ${axis} level of ${source}: ${fix}`,
        });
      }
    }
    return findings;
  },
} satisfies Rule;
