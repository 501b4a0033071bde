import { idOf, refList } from './entries.js';
import type { Rule, RuleFinding } from './types.js';

export const deputyIsPrimary = {
  id: 'deputy-is-primary',
  severity: 'error',
  description: "A role's deputies are other people than its primary.",
  check({ plan, say }) {
    const findings: RuleFinding[] = [];
    for (const r of plan.roles) {
      const primary = idOf(r.value.primary);
      if (primary === undefined) continue;
      for (const ref of refList(r.value.deputies, `${r.pointer}/deputies`)) {
        if (ref.id !== primary) continue;
        findings.push({
          file: r.file,
          pointer: ref.pointer,
          message: say.deputyIsPrimary({
            role: { kind: 'role', id: r.value.id, pointer: r.pointer },
            primary,
          }),
        });
      }
    }
    return findings;
  },
} satisfies Rule;
