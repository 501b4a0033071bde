import { classify } from '../plan/matrix.js';
import { isRecord } from './entries.js';
import type { Rule, RuleFinding } from './types.js';

const PARTS = ['prevent', 'respond', 'recover'] as const;

/** A part counts as treated when it lists at least one step (a lone text is a schema finding, not a gap). */
function hasStep(value: unknown): boolean {
  if (Array.isArray(value)) return value.some((s) => s !== null && s !== undefined && s !== '');
  return (typeof value === 'string' && value.trim() !== '') || isRecord(value);
}

export const untreatedRisk = {
  id: 'untreated-risk',
  severity: 'error',
  description:
    'A scenario whose risk class is not acceptable has measures in all three parts: prevent, respond and recover.',
  check({ plan, matrix, say }) {
    const findings: RuleFinding[] = [];
    for (const s of plan.scenarios) {
      const { likelihood, impact } = s.value;
      const cls = classify(matrix, likelihood, impact);
      if (!cls || cls.acceptable) continue;
      const measures = isRecord(s.value.measures) ? s.value.measures : {};
      const missing = PARTS.filter((p) => !hasStep(measures[p]));
      if (missing.length === 0) continue;
      findings.push({
        file: s.file,
        pointer: s.value.id === undefined ? s.pointer : `${s.pointer}/id`,
        message: say.untreatedRisk({
          scenario: { kind: 'scenario', id: s.value.id, pointer: s.pointer },
          class: cls.label,
          likelihood: String(likelihood),
          impact: String(impact),
          missing,
        }),
      });
    }
    return findings;
  },
} satisfies Rule;
