import { durationSeconds, parseDuration } from '../plan/dates.js';
import type { Rule, RuleFinding } from './types.js';

export const rtoExceedsMtpd = {
  id: 'rto-exceeds-mtpd',
  severity: 'error',
  description:
    "A service's rto (recovery time objective) is not longer than its mtpd (maximum tolerable period of disruption).",
  check({ plan, say }) {
    const findings: RuleFinding[] = [];
    for (const s of plan.services) {
      const rto = parseDuration(s.value.rto);
      const mtpd = parseDuration(s.value.mtpd);
      if (!rto || !mtpd || durationSeconds(rto) <= durationSeconds(mtpd)) continue;
      findings.push({
        file: s.file,
        pointer: `${s.pointer}/rto`,
        message: say.rtoExceedsMtpd({
          service: { kind: 'service', id: s.value.id, pointer: s.pointer },
          rto: String(s.value.rto),
          mtpd: String(s.value.mtpd),
        }),
      });
    }
    return findings;
  },
} satisfies Rule;
