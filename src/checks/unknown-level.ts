import type { Rule, RuleFinding } from './types.js';

export const unknownLevel = {
  id: 'unknown-level',
  severity: 'error',
  description: "A scenario's likelihood and impact are level numbers of the risk matrix.",
  check({ plan, matrix, say }) {
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
        findings.push({
          file: s.file,
          pointer: `${s.pointer}/${axis}`,
          message: say.unknownLevel({
            scenario: { kind: 'scenario', id: s.value.id, pointer: s.pointer },
            axis,
            value: JSON.stringify(value),
            defaultMatrix: matrix.isDefault,
            ...(byLabel ? { byLabel: byLabel.level } : {}),
            scale: levels,
          }),
        });
      }
    }
    return findings;
  },
} satisfies Rule;
