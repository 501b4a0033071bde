import { durationSeconds, parseDuration } from '../plan/dates.js';
import { entryName } from './entries.js';
import type { Rule, RuleFinding } from './types.js';

export const rtoExceedsMtpd = {
  id: 'rto-exceeds-mtpd',
  severity: 'error',
  description:
    "A service's rto (recovery time objective) is not longer than its mtpd (maximum tolerable period of disruption).",
  check({ plan }) {
    const findings: RuleFinding[] = [];
    for (const s of plan.services) {
      const rto = parseDuration(s.value.rto);
      const mtpd = parseDuration(s.value.mtpd);
      if (!rto || !mtpd || durationSeconds(rto) <= durationSeconds(mtpd)) continue;
      findings.push({
        file: s.file,
        pointer: `${s.pointer}/rto`,
        message: `${entryName('service', s.value.id, s.pointer)}: rto ${String(s.value.rto)} is longer than its mtpd ${String(s.value.mtpd)}, so recovery would end after the disruption became intolerable: shorten the rto to at most ${String(s.value.mtpd)}, or correct the mtpd`,
      });
    }
    return findings;
  },
} satisfies Rule;
