import { durationSeconds, parseDuration } from '../plan/dates.js';
import { firstById, formatSeconds, isRecord, refList } from './entries.js';
import type { Rule, RuleFinding } from './types.js';

export const respondExceedsRto = {
  id: 'respond-exceeds-rto',
  severity: 'warning',
  description:
    'The respond steps of a scenario, one after another, fit within the smallest rto of the services it hits.',
  check({ plan, say }) {
    const services = new Map(firstById(plan.services).map((s) => [s.id, s.value]));
    const findings: RuleFinding[] = [];
    for (const s of plan.scenarios) {
      const respond = isRecord(s.value.measures) ? s.value.measures.respond : undefined;
      if (!Array.isArray(respond)) continue;
      const times = respond.flatMap((step) => {
        const d = isRecord(step) ? parseDuration(step.within) : undefined;
        return d ? [{ text: step.within as string, seconds: durationSeconds(d) }] : [];
      });
      if (times.length === 0) continue;
      const total = times.reduce((sum, t) => sum + t.seconds, 0);
      let tightest: { id: string; rto: string; seconds: number } | undefined;
      for (const ref of refList(s.value.services, '')) {
        const rto = services.get(ref.id)?.rto;
        const d = parseDuration(rto);
        if (!d) continue;
        const seconds = durationSeconds(d);
        if (!tightest || seconds < tightest.seconds) tightest = { id: ref.id, rto: rto as string, seconds };
      }
      if (!tightest || total <= tightest.seconds) continue;
      findings.push({
        file: s.file,
        pointer: s.value.id === undefined ? s.pointer : `${s.pointer}/id`,
        message: say.respondExceedsRto({
          scenario: { kind: 'scenario', id: s.value.id, pointer: s.pointer },
          total: formatSeconds(total),
          steps: times.map((t) => t.text),
          rto: tightest.rto,
          service: tightest.id,
        }),
      });
    }
    return findings;
  },
} satisfies Rule;
