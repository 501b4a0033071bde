import type { LoadedPlan, SourceFile } from '../plan/types.js';
import {
  closestId,
  entryName,
  idOf,
  isRecord,
  type Ref,
  refAt,
  refList,
  SUGGESTION_BUDGET,
} from './entries.js';
import type { Rule, RuleFinding } from './types.js';

type Kind = 'role' | 'contact' | 'service' | 'scenario';

const SECTION: Record<Kind, string> = {
  role: 'roles',
  contact: 'contacts',
  service: 'services',
  scenario: 'scenarios',
};

interface Use {
  kind: Kind;
  file: SourceFile;
  ref: Ref;
  /** Who refers: "plan owner", "role it-oncall (deputies)". */
  from: string;
}

const MEASURES = ['prevent', 'respond', 'recover'] as const;

/** Every reference a plan makes, with the file and pointer where it is written. */
function uses(plan: LoadedPlan): Use[] {
  const out: Use[] = [];
  const add = (kind: Kind, file: SourceFile, refs: Ref[], from: string) => {
    for (const ref of refs) out.push({ kind, file, ref, from });
  };

  const p = plan.plan;
  if (p) {
    const v = p.value;
    add('role', p.file, refAt(v.owner, '/plan/owner'), 'plan owner');
    add('role', p.file, refAt(v.emergencyOfficer, '/plan/emergencyOfficer'), 'plan emergencyOfficer');
    add('role', p.file, refAt(v.approvedBy, '/plan/approvedBy'), 'plan approvedBy');
    if (isRecord(v.activation)) {
      add(
        'role',
        p.file,
        refList(v.activation.authorizedRoles, '/plan/activation/authorizedRoles'),
        'plan activation.authorizedRoles',
      );
    }
  }
  for (const r of plan.roles) {
    const who = entryName('role', r.value.id, r.pointer);
    add('contact', r.file, refAt(r.value.primary, `${r.pointer}/primary`), `${who} (primary)`);
    add('contact', r.file, refList(r.value.deputies, `${r.pointer}/deputies`), `${who} (deputies)`);
  }
  for (const pr of plan.providers) {
    const who = entryName('provider', pr.value.id, pr.pointer);
    add('contact', pr.file, refList(pr.value.contacts, `${pr.pointer}/contacts`), `${who} (contacts)`);
    add('service', pr.file, refList(pr.value.services, `${pr.pointer}/services`), `${who} (services)`);
  }
  for (const s of plan.scenarios) {
    const who = entryName('scenario', s.value.id, s.pointer);
    add('role', s.file, refAt(s.value.owner, `${s.pointer}/owner`), `${who} (owner)`);
    add('service', s.file, refList(s.value.services, `${s.pointer}/services`), `${who} (services)`);
    const measures = s.value.measures;
    if (!isRecord(measures)) continue;
    for (const part of MEASURES) {
      const steps = measures[part];
      if (!Array.isArray(steps)) continue;
      steps.forEach((step, i) => {
        if (!isRecord(step)) return;
        add(
          'role',
          s.file,
          refAt(step.owner, `${s.pointer}/measures/${part}/${i}/owner`),
          `${who}, ${part} step ${i + 1} (owner)`,
        );
      });
    }
  }
  for (const c of plan.communication) {
    const audience = typeof c.value.audience === 'string' ? ` to ${c.value.audience}` : '';
    add('role', c.file, refAt(c.value.owner, `${c.pointer}/owner`), `communication${audience} (owner)`);
  }
  for (const a of plan.access) {
    const who = entryName('access', a.value.id, a.pointer);
    add('role', a.file, refList(a.value.holders, `${a.pointer}/holders`), `${who} (holders)`);
  }
  for (const e of plan.exercises) {
    const who = typeof e.value.date === 'string' ? `exercise ${e.value.date}` : 'exercise';
    add('scenario', e.file, refList(e.value.scenarios, `${e.pointer}/scenarios`), `${who} (scenarios)`);
  }
  return out;
}

export const unknownReference = {
  id: 'unknown-reference',
  severity: 'error',
  description:
    'Every role, contact, service and scenario a plan refers to is defined (in the plan or its imports).',
  check({ plan }) {
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
      const fix = guess
        ? `did you mean ${guess}? Correct the id, or add ${use.kind} ${use.ref.id} under ${SECTION[use.kind]}`
        : `add ${use.kind} ${use.ref.id} under ${SECTION[use.kind]}, or correct the id`;
      findings.push({
        file: use.file,
        pointer: use.ref.pointer,
        message: `${use.from} refers to ${use.kind} ${use.ref.id}, which is not defined: ${fix}`,
      });
    }
    return findings;
  },
} satisfies Rule;
