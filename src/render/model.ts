import { maskSecrets } from '../checks/secret-in-plan.js';
import { type DueState, type Duration, parseDate, parseDuration } from '../plan/dates.js';
import { dueItems } from '../plan/due.js';
import { classify, type Matrix, type MatrixClass } from '../plan/matrix.js';
import type { LoadedPlan } from '../plan/types.js';

/**
 * The plan as the runbook shows it: only well-formed values, strings trimmed to what is
 * printable, scenarios most severe first, and the --role / --redact filters applied.
 * Rendering a plan that has schema errors (--force) must never throw, so every field is
 * checked here once and the drawing code works on plain data.
 */
export interface RunbookModel {
  id: string;
  title: string;
  organization: string;
  version: string;
  classification: string;
  owner: string | undefined;
  emergencyOfficer: string | undefined;
  approvedBy: string | undefined;
  approved: Date | undefined;
  reviewed: Date | undefined;
  nextReview: Date | undefined;
  activation: { criteria: string[]; authorizedRoles: string[] };
  distribution: string[];
  regulations: string[];
  insurance: { kind: string; insurer: string; policy: string }[];
  matrix: Matrix;
  roles: ModelRole[];
  contacts: ModelContact[];
  providers: ModelProvider[];
  services: ModelService[];
  scenarios: ModelScenario[];
  communication: ModelCommunication[];
  access: ModelAccess[];
  exercises: ModelExercise[];
  /**
   * "Role title (Primary Name)" of every role in the plan; a --role extract names the roles
   * it leaves out by title only (its steps still name the other roles involved).
   */
  roleLabels: Map<string, string>;
  /** Set when rendered for one role (--role). */
  role: string | undefined;
  redacted: boolean;
}

export interface ModelRole {
  id: string;
  title: string;
  primary: string | undefined;
  deputies: string[];
  duties: string[];
}

export interface ModelContact {
  id: string;
  name: string;
  organization: string | undefined;
  phone: string | undefined;
  mobile: string | undefined;
  email: string | undefined;
  verified: Date | undefined;
  state: DueState | undefined;
  due: Date | undefined;
}

export interface ModelProvider {
  id: string;
  name: string;
  services: string[];
  city: string | undefined;
  country: string | undefined;
  contacts: string[];
  sla: string | undefined;
  contractEnds: Date | undefined;
  contractState: DueState | undefined;
  substitutability: string | undefined;
  exitPlan: boolean | undefined;
}

export interface ModelService {
  id: string;
  name: string;
  criticality: string | undefined;
  rto: Duration | undefined;
  rpo: Duration | undefined;
  mtpd: Duration | undefined;
  minProviders: number;
}

export interface ModelStep {
  action: string;
  owner: string | undefined;
  within: Duration | undefined;
}

export type Phase = 'prevent' | 'respond' | 'recover';
export const PHASES: readonly Phase[] = ['prevent', 'respond', 'recover'];

export interface ModelScenario {
  id: string;
  title: string;
  description: string | undefined;
  trigger: string | undefined;
  likelihood: number | undefined;
  impact: number | undefined;
  cls: MatrixClass | undefined;
  services: string[];
  owner: string | undefined;
  measures: Record<Phase, ModelStep[]>;
}

export interface ModelCommunication {
  audience: string;
  owner: string | undefined;
  channel: string;
  within: Duration | undefined;
  message: string | undefined;
}

export interface ModelAccess {
  id: string;
  system: string;
  vault: string;
  holders: string[];
  verified: Date | undefined;
  state: DueState | undefined;
  due: Date | undefined;
}

export interface ModelExercise {
  date: Date | undefined;
  kind: string | undefined;
  scenarios: string[];
  outcome: string | undefined;
  notes: string | undefined;
}

export interface ModelOptions {
  matrix: Matrix;
  asOf: Date;
  staleAfter: Duration;
  dueWindow: Duration;
  role?: string | undefined;
  redact?: boolean | undefined;
}

/**
 * A value as the runbook prints it. A credential in it is masked: secret-in-plan stops the
 * render, but --force prints a draft anyway, and a draft is printed and passed round too.
 */
const str = (v: unknown): string | undefined => {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : maskSecrets(t);
};
const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(str).filter((s): s is string => s !== undefined) : [];
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function steps(v: unknown): ModelStep[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((s) => {
    const o = obj(s);
    const action = str(o.action);
    return action ? [{ action, owner: str(o.owner), within: parseDuration(o.within) }] : [];
  });
}

/** Higher is more severe: class position, then score, then impact. */
export function severityKey(s: ModelScenario, matrix: Matrix): number[] {
  const ci = s.cls ? matrix.classes.indexOf(s.cls) : -1;
  return [s.cls && !s.cls.acceptable ? 1 : 0, ci, (s.likelihood ?? 0) * (s.impact ?? 0), s.impact ?? 0];
}

function bySeverity(matrix: Matrix) {
  return (a: ModelScenario, b: ModelScenario) => {
    const ka = severityKey(a, matrix);
    const kb = severityKey(b, matrix);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i]! - ka[i]!;
    return 0;
  };
}

/** Builds the runbook model; throws a RangeError naming the role when --role is unknown. */
export function buildModel(plan: LoadedPlan, options: ModelOptions): RunbookModel {
  const p = obj(plan.plan?.value);
  const { matrix } = options;
  const due = dueItems(plan, {
    asOf: options.asOf,
    staleAfter: options.staleAfter,
    dueWindow: options.dueWindow,
    matrix,
  });
  const dueByKey = new Map(due.map((d) => [`${d.kind}\0${d.id}`, d]));
  const dueOf = (kind: string, id: string) => dueByKey.get(`${kind}\0${id}`);

  const seen = new Set<string>();
  const unique = <T extends { id: string }>(kind: string, items: T[]) =>
    items.filter((i) => {
      const key = `${kind}\0${i.id}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });

  let roles: ModelRole[] = unique(
    'role',
    plan.roles.flatMap(({ value }) => {
      const id = str(value.id);
      return id
        ? [
            {
              id,
              title: str(value.title) ?? id,
              primary: str(value.primary),
              deputies: list(value.deputies),
              duties: list(value.duties),
            },
          ]
        : [];
    }),
  );
  let contacts: ModelContact[] = unique(
    'contact',
    plan.contacts.flatMap(({ value }) => {
      const id = str(value.id);
      if (!id) return [];
      const d = dueOf('contact', id);
      return [
        {
          id,
          name: str(value.name) ?? id,
          organization: str(value.organization),
          phone: str(value.phone),
          mobile: str(value.mobile),
          email: str(value.email),
          verified: parseDate(value.verified),
          state: d?.state,
          due: d?.due,
        },
      ];
    }),
  );
  let providers: ModelProvider[] = unique(
    'provider',
    plan.providers.flatMap(({ value }) => {
      const id = str(value.id);
      if (!id) return [];
      const site = obj(value.site);
      return [
        {
          id,
          name: str(value.name) ?? id,
          services: list(value.services),
          city: str(site.city),
          country: str(site.country),
          contacts: list(value.contacts),
          sla: str(value.sla),
          contractEnds: parseDate(value.contractEnds),
          contractState: dueOf('contract', id)?.state,
          substitutability: str(value.substitutability),
          exitPlan: typeof value.exitPlan === 'boolean' ? value.exitPlan : undefined,
        },
      ];
    }),
  );
  let services: ModelService[] = unique(
    'service',
    plan.services.flatMap(({ value }) => {
      const id = str(value.id);
      if (!id) return [];
      const criticality = str(value.criticality);
      const min = num(value.minProviders);
      return [
        {
          id,
          name: str(value.name) ?? id,
          criticality,
          rto: parseDuration(value.rto),
          rpo: parseDuration(value.rpo),
          mtpd: parseDuration(value.mtpd),
          minProviders: min ?? (criticality === 'critical' || criticality === 'high' ? 2 : 1),
        },
      ];
    }),
  );
  let scenarios: ModelScenario[] = unique(
    'scenario',
    plan.scenarios.flatMap(({ value }) => {
      const id = str(value.id);
      if (!id) return [];
      const m = obj(value.measures);
      return [
        {
          id,
          title: str(value.title) ?? id,
          description: str(value.description),
          trigger: str(value.trigger),
          likelihood: num(value.likelihood),
          impact: num(value.impact),
          cls: classify(matrix, value.likelihood, value.impact),
          services: list(value.services),
          owner: str(value.owner),
          measures: { prevent: steps(m.prevent), respond: steps(m.respond), recover: steps(m.recover) },
        },
      ];
    }),
  ).sort(bySeverity(matrix));
  let communication: ModelCommunication[] = plan.communication.flatMap(({ value }) => {
    const channel = str(value.channel);
    return channel
      ? [
          {
            audience: str(value.audience) ?? 'other',
            owner: str(value.owner),
            channel,
            within: parseDuration(value.within),
            message: str(value.message),
          },
        ]
      : [];
  });
  let access: ModelAccess[] = unique(
    'access',
    plan.access.flatMap(({ value }) => {
      const id = str(value.id);
      if (!id) return [];
      const d = dueOf('access', id);
      return [
        {
          id,
          system: str(value.system) ?? id,
          vault: str(value.vault) ?? '',
          holders: list(value.holders),
          verified: parseDate(value.verified),
          state: d?.state,
          due: d?.due,
        },
      ];
    }),
  );
  let exercises: ModelExercise[] = plan.exercises
    .map(({ value }) => ({
      date: parseDate(value.date),
      kind: str(value.kind),
      scenarios: list(value.scenarios),
      outcome: str(value.outcome),
      notes: str(value.notes),
    }))
    .sort((a, b) => (b.date?.getTime() ?? 0) - (a.date?.getTime() ?? 0));

  const activation = obj(p.activation);
  const insurance = Array.isArray(p.insurance)
    ? p.insurance.flatMap((i) => {
        const o = obj(i);
        const kind = str(o.kind);
        const insurer = str(o.insurer);
        const policy = str(o.policy);
        return kind || insurer || policy
          ? [{ kind: kind ?? '', insurer: insurer ?? '', policy: policy ?? '' }]
          : [];
      })
    : [];
  const emergencyOfficer = str(p.emergencyOfficer);

  const names = new Map(contacts.map((c) => [c.id, c.name]));
  const roleLabels = new Map(
    roles.map((r) => {
      const primary = r.primary ? names.get(r.primary) : undefined;
      return [r.id, primary ? `${r.title} (${primary})` : r.title];
    }),
  );

  const role = options.role;
  if (role !== undefined) {
    if (!roles.some((r) => r.id === role)) throw new RangeError(role);
    // What one role must do and know: its duties, its steps, and whom it must reach.
    scenarios = scenarios.flatMap((s) => {
      const owns = s.owner === role;
      const mine = (list: ModelStep[]) => (owns ? list : list.filter((st) => st.owner === role));
      const measures = {
        prevent: mine(s.measures.prevent),
        respond: mine(s.measures.respond),
        recover: mine(s.measures.recover),
      };
      const any = measures.prevent.length + measures.respond.length + measures.recover.length > 0;
      return owns || any ? [{ ...s, measures }] : [];
    });
    const shownServices = new Set(scenarios.flatMap((s) => s.services));
    services = services.filter((s) => shownServices.has(s.id));
    providers = providers.filter((pr) => pr.services.some((s) => shownServices.has(s)));
    const keepRoles = new Set([role, ...(emergencyOfficer ? [emergencyOfficer] : [])]);
    // The others by title only: the extract does not name people it need not reach.
    for (const r of roles) if (!keepRoles.has(r.id)) roleLabels.set(r.id, r.title);
    roles = roles.filter((r) => keepRoles.has(r.id));
    const needed = new Set([
      ...roles.flatMap((r) => [r.primary, ...r.deputies]),
      ...providers.flatMap((pr) => pr.contacts),
    ]);
    contacts = contacts.filter((c) => needed.has(c.id));
    communication = communication.filter((c) => c.owner === role);
    access = access.filter((a) => a.holders.includes(role));
    const shownScenarios = new Set(scenarios.map((s) => s.id));
    exercises = exercises.filter((e) => e.scenarios.some((s) => shownScenarios.has(s)));
  }

  if (options.redact) {
    // Provider contacts keep their landline: that is the provider's switchboard, not a person's.
    const people = new Set(roles.flatMap((r) => [r.primary, ...r.deputies]));
    const providerLines = new Set(providers.flatMap((pr) => pr.contacts));
    contacts = contacts.map((c) => ({
      ...c,
      phone: providerLines.has(c.id) && !people.has(c.id) ? c.phone : undefined,
      mobile: undefined,
      email: undefined,
    }));
  }

  const reviewed = parseDate(p.reviewed);
  return {
    id: str(p.id) ?? '',
    title: str(p.title) ?? str(p.id) ?? plan.root.path,
    organization: str(p.organization) ?? '',
    version: str(p.version) ?? '',
    classification: str(p.classification) ?? 'internal',
    owner: str(p.owner),
    emergencyOfficer,
    approvedBy: str(p.approvedBy),
    approved: parseDate(p.approved),
    reviewed,
    nextReview: dueOf('plan', str(p.id) ?? '')?.due,
    activation: { criteria: list(activation.criteria), authorizedRoles: list(activation.authorizedRoles) },
    distribution: list(p.distribution),
    regulations: list(p.regulations),
    insurance,
    matrix,
    roles,
    contacts,
    providers,
    services,
    scenarios,
    communication,
    access,
    exercises,
    roleLabels,
    role,
    redacted: options.redact === true,
  };
}
