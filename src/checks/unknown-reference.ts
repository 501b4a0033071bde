import type { LoadedPlan, SourceFile } from '../plan/types.js';
import { closestId, idOf, isRecord, type Ref, refAt, refList, SUGGESTION_BUDGET } from './entries.js';
import type { Entry, Referrer } from './messages/types.js';
import type { Rule, RuleFinding } from './types.js';

type Kind = 'role' | 'contact' | 'service' | 'scenario';

interface Use {
  kind: Kind;
  file: SourceFile;
  ref: Ref;
  /** Who refers: the plan's owner key, role it-oncall's deputies, … */
  from: Referrer;
}

const MEASURES = ['prevent', 'respond', 'recover'] as const;

/** Every reference a plan makes, with the file and pointer where it is written. */
function uses(plan: LoadedPlan): Use[] {
  const out: Use[] = [];
  const add = (kind: Kind, file: SourceFile, refs: Ref[], from: Referrer) => {
    for (const ref of refs) out.push({ kind, file, ref, from });
  };
  const of = (entry: Entry, field: string): Referrer => ({ at: 'entry', entry, field });

  const p = plan.plan;
  if (p) {
    const v = p.value;
    add('role', p.file, refAt(v.owner, '/plan/owner'), { at: 'plan', field: 'owner' });
    add('role', p.file, refAt(v.emergencyOfficer, '/plan/emergencyOfficer'), {
      at: 'plan',
      field: 'emergencyOfficer',
    });
    add('role', p.file, refAt(v.approvedBy, '/plan/approvedBy'), { at: 'plan', field: 'approvedBy' });
    if (isRecord(v.activation)) {
      add('role', p.file, refList(v.activation.authorizedRoles, '/plan/activation/authorizedRoles'), {
        at: 'plan',
        field: 'activation.authorizedRoles',
      });
    }
  }
  for (const r of plan.roles) {
    const who: Entry = { kind: 'role', id: r.value.id, pointer: r.pointer };
    add('contact', r.file, refAt(r.value.primary, `${r.pointer}/primary`), of(who, 'primary'));
    add('contact', r.file, refList(r.value.deputies, `${r.pointer}/deputies`), of(who, 'deputies'));
  }
  for (const pr of plan.providers) {
    const who: Entry = { kind: 'provider', id: pr.value.id, pointer: pr.pointer };
    add('contact', pr.file, refList(pr.value.contacts, `${pr.pointer}/contacts`), of(who, 'contacts'));
    add('service', pr.file, refList(pr.value.services, `${pr.pointer}/services`), of(who, 'services'));
  }
  for (const s of plan.scenarios) {
    const who: Entry = { kind: 'scenario', id: s.value.id, pointer: s.pointer };
    add('role', s.file, refAt(s.value.owner, `${s.pointer}/owner`), of(who, 'owner'));
    add('service', s.file, refList(s.value.services, `${s.pointer}/services`), of(who, 'services'));
    const measures = s.value.measures;
    if (!isRecord(measures)) continue;
    for (const part of MEASURES) {
      const steps = measures[part];
      if (!Array.isArray(steps)) continue;
      steps.forEach((step, i) => {
        if (!isRecord(step)) return;
        add('role', s.file, refAt(step.owner, `${s.pointer}/measures/${part}/${i}/owner`), {
          at: 'entry',
          entry: who,
          field: 'owner',
          step: { part, n: i + 1 },
        });
      });
    }
  }
  for (const c of plan.communication) {
    add('role', c.file, refAt(c.value.owner, `${c.pointer}/owner`), {
      at: 'communication',
      ...(typeof c.value.audience === 'string' ? { audience: c.value.audience } : {}),
      field: 'owner',
    });
  }
  for (const a of plan.access) {
    const who: Entry = { kind: 'access', id: a.value.id, pointer: a.pointer };
    add('role', a.file, refList(a.value.holders, `${a.pointer}/holders`), of(who, 'holders'));
  }
  for (const e of plan.exercises) {
    add('scenario', e.file, refList(e.value.scenarios, `${e.pointer}/scenarios`), {
      at: 'exercise',
      ...(typeof e.value.date === 'string' ? { date: e.value.date } : {}),
      field: 'scenarios',
    });
  }
  return out;
}

export const unknownReference = {
  id: 'unknown-reference',
  severity: 'error',
  description:
    'Every role, contact, service and scenario a plan refers to is defined (in the plan or its imports).',
  check({ plan, say }) {
    const known: Record<Kind, Set<string>> = {
      role: new Set(plan.roles.flatMap((e) => idOf(e.value.id) ?? [])),
      contact: new Set(plan.contacts.flatMap((e) => idOf(e.value.id) ?? [])),
      service: new Set(plan.services.flatMap((e) => idOf(e.value.id) ?? [])),
      scenario: new Set(plan.scenarios.flatMap((e) => idOf(e.value.id) ?? [])),
    };
    const findings: RuleFinding[] = [];
    // One guess per unknown id and kind, and a bounded effort for all of them (closestId).
    const budget = { cells: SUGGESTION_BUDGET };
    const guesses = new Map<string, string | undefined>();
    for (const use of uses(plan)) {
      if (known[use.kind].has(use.ref.id)) continue;
      const asked = `${use.kind}\0${use.ref.id}`;
      const guess = guesses.has(asked) ? guesses.get(asked) : closestId(use.ref.id, known[use.kind], budget);
      guesses.set(asked, guess);
      findings.push({
        file: use.file,
        pointer: use.ref.pointer,
        message: say.unknownReference({
          from: use.from,
          kind: use.kind,
          id: use.ref.id,
          ...(guess !== undefined ? { guess } : {}),
        }),
      });
    }
    return findings;
  },
} satisfies Rule;
