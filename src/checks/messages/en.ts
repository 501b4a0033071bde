// The rules' messages in English: what `validate` prints, and a runbook's appendix in English.
import { type Duration, formatDate as date } from '../../plan/dates.js';
import { plural } from '../../util/plural.js';
import type { Entry, EntryKind, Messages, Overdue, Referrer, SecretKind } from './types.js';
import { durationWords, joinList, nameEntry } from './words.js';

const UNIT: Record<keyof Duration, string> = {
  years: 'year',
  months: 'month',
  weeks: 'week',
  days: 'day',
  hours: 'hour',
  minutes: 'minute',
  seconds: 'second',
};

/** A duration in words: P12M → `12 months`, P1Y6M → `1 year 6 months`, P0D → `0 days`. */
export const describeDuration = (d: Duration) => durationWords(d, (n, unit) => plural(n, UNIT[unit]));
const duration = describeDuration;

/** `in 8 days`, `today`, `5 days ago`. */
function relative(days: number): string {
  if (days === 0) return 'today';
  return days > 0 ? `in ${plural(days, 'day')}` : `${plural(-days, 'day')} ago`;
}

const list = (items: string[]) => joinList(items, 'and');
/** `role it-oncall`; access entries are `access vpn-admin` here, as the section is called. */
const entry = (e: Entry) => nameEntry(e.kind, e);

const NOUN: Record<EntryKind, string> = {
  contact: 'contact',
  role: 'role',
  provider: 'provider',
  service: 'service',
  scenario: 'scenario',
  access: 'access entry',
  class: 'class',
};

const SECRET: Record<SecretKind, string> = {
  password: 'a password',
  pin: 'a PIN',
  login: 'a login with its password',
  'private-key': 'a private key',
  'aws-key-id': 'an AWS access key id',
  'aws-secret': 'an AWS secret access key',
  'github-token': 'a GitHub token',
  'gitlab-token': 'a GitLab token',
  'slack-token': 'a Slack token',
  'slack-webhook': 'a Slack webhook URL',
  'google-key': 'a Google API key',
  'stripe-key': 'a Stripe secret key',
  'npm-token': 'an npm token',
  'openai-key': 'an OpenAI API key',
  jwt: 'a JSON Web Token',
  'url-password': 'a password in a URL',
  'api-token': 'an API key or token',
};

function referrer(from: Referrer): string {
  switch (from.at) {
    case 'plan':
      return `plan ${from.field}`;
    case 'entry': {
      const step = from.step ? `, ${from.step.part} step ${from.step.n}` : '';
      return `${entry(from.entry)}${step} (${from.field})`;
    }
    case 'communication':
      return `communication${from.audience !== undefined ? ` to ${from.audience}` : ''} (${from.field})`;
    case 'exercise':
      return `${from.date !== undefined ? `exercise ${from.date}` : 'exercise'} (${from.field})`;
  }
}

const SECTION = { role: 'roles', contact: 'contacts', service: 'services', scenario: 'scenarios' } as const;

const overdue = (noun: string, p: Overdue, check: string) =>
  `${noun} ${p.id} was last verified ${date(p.last)}, ${relative(p.lastDays)} ` +
  `(limit ${duration(p.every)}, due ${date(p.due)}): ${check}, then run ${p.command}`;

const rowName = (row: number, likelihood: number | undefined) =>
  `riskMatrix.grid row ${row}${likelihood !== undefined ? ` (likelihood ${likelihood})` : ''}`;

export const en: Messages = {
  ruleFailed: (p) => `rule ${p.rule} failed on this plan (please report): ${p.error}`,

  contractEnding(p) {
    const d = p.daysLeft;
    const when =
      d > 0
        ? `ends ${date(p.due)}, in ${plural(d, 'day')}`
        : d === 0
          ? `ends today (${date(p.due)})`
          : `ended ${date(p.due)}, ${plural(-d, 'day')} ago`;
    const fix =
      d >= 0
        ? 'renew or extend it, or start the exit plan and move its services to another provider'
        : 'if it was renewed, set contractEnds to the new end date; if not, move its services to another provider and remove it';
    return `the contract with provider ${p.provider} ${when}: ${fix}`;
  },

  deputyIsPrimary: (p) =>
    `${entry(p.role)}: ${p.primary} is its primary and also listed as a deputy; a deputy stands in when the primary is unavailable, so name another contact here`,

  duplicateId(p) {
    const where = p.file !== undefined ? `${p.file} line ${p.line}` : `line ${p.line}`;
    const kind = NOUN[p.kind];
    return `${kind} id ${p.id} is already used by the ${kind} at ${where}: ids must be unique per kind, so rename this one or merge the two entries`;
  },

  exerciseOverdue(p) {
    const risk = p.risk !== undefined ? ` (risk ${p.risk}, not acceptable)` : '';
    const last = p.last
      ? `was last exercised ${date(p.last.date)}, ${relative(p.last.lastDays)} (due every ${duration(p.last.every)}, so since ${date(p.last.due)})`
      : 'has never been exercised';
    return (
      `scenario ${p.scenario}${risk} ${last}: hold a tabletop, simulation or full exercise of it ` +
      `and record it under exercises with scenarios: [${p.scenario}]`
    );
  },

  matrixGridRows: (p) =>
    `riskMatrix.grid has ${plural(p.rows, 'row')} but the matrix has ${plural(p.levels, 'likelihood level')}: write one row per likelihood level, lowest first`,
  matrixGridCells: (p) =>
    `${rowName(p.row, p.likelihood)} has ${plural(p.cells, 'cell')} but the matrix has ${plural(p.levels, 'impact level')}: write one class id per impact level, lowest first`,
  matrixUnknownClass: (p) =>
    `${rowName(p.row, p.likelihood)}, cell ${p.cell}: ${p.value} is not a class of riskMatrix.classes: use one of ${list(p.classes) || '(no classes defined)'}`,
  matrixNoUpTo: (p) =>
    `${entry(p.class)} has no upTo: without a grid every class needs upTo, the highest score it covers`,
  matrixNoClasses: (p) =>
    `riskMatrix.classes is empty: add classes with upTo up to ${p.highest} (likelihood ${p.likelihood} × impact ${p.impact}), or a grid`,
  matrixTooLow: (p) =>
    `riskMatrix.classes reach only score ${p.upTo} (class ${p.class}) but the highest score is ${p.highest} (likelihood ${p.likelihood} × impact ${p.impact}): raise the upTo of the last class to ${p.highest} or add a class`,

  noDeputy: (p) =>
    `${entry(p.role)}${p.title !== undefined ? ` (${p.title})` : ''} has no deputy: add at least one contact under deputies, so someone can act when ${p.primary ?? 'the primary'} is unavailable`,

  orphanContact: (p) =>
    `contact ${p.id}${p.name !== undefined ? ` (${p.name})` : ''} is not named by any role or provider: make them a primary, deputy or provider contact, or remove the entry (and its personal data)`,

  planReviewOverdue: (p) =>
    `${p.plan !== undefined ? `plan ${p.plan}` : 'the plan'} was last reviewed ${date(p.last)} and was due for review ${date(p.due)} ` +
    `(every ${duration(p.every)}), ${plural(p.daysOverdue, 'day')} overdue: ` +
    `review it with its owner${p.owner !== undefined ? ` (role ${p.owner})` : ''}, then set plan.reviewed to the date of the review`,

  providerSameCompany: (p) =>
    `service ${p.service}: providers ${list(p.providers)} are the same company, ${p.name}; one insolvency, strike or IT outage can stop ${p.providers.length === 2 ? 'both' : 'all of them'}: add a provider from another company`,
  providerSameCountry: (p) =>
    `service ${p.service}: ${p.sites.length === 2 ? 'both' : 'all'} providers are in one country, ${p.country} (${p.sites.map((s) => `${s.provider} in ${s.city}`).join(', ')}); a national event (strike, grid failure, new law) can hit ${p.sites.length === 2 ? 'both' : 'them all'}: consider a provider in another country`,
  providerSameSite: (p) =>
    `service ${p.service}: ${p.providers.length === 2 ? 'both' : `all ${p.providers.length}`} providers (${list(p.providers)}) are in ${p.city}, ${p.country}, so one local event (fire, flood, power cut) stops ${p.providers.length === 2 ? 'both' : 'them all'}: use a provider at another site, ideally in another country`,

  respondExceedsRto: (p) =>
    `${entry(p.scenario)}: its respond steps take ${p.total}${p.steps.length > 1 ? ` (${p.steps.join(' + ')})` : ''}, longer than the rto ${p.rto} of service ${p.service}: shorten or parallelise the steps, or revisit the rto`,

  reviewDueSoon(p) {
    const falls = `falls due ${p.kind === 'plan' ? 'for review' : 'for re-verification'} on ${date(p.due)}, ${relative(p.daysLeft)}`;
    if (p.kind === 'plan') {
      return (
        `${p.plan !== undefined ? `plan ${p.plan}` : 'the plan'} ${falls} (last reviewed ${date(p.last)}, every ${duration(p.every)}): ` +
        'review the plan with its owner, then set plan.reviewed to the date of the review'
      );
    }
    const what =
      p.kind === 'contact'
        ? 'confirm the details'
        : 'check that the credential is where the vault says and still works';
    return `${NOUN[p.kind]} ${p.id} ${falls} (last verified ${date(p.last)}, every ${duration(p.every)}): ${what}, then run ${p.command}`;
  },

  rtoExceedsMtpd: (p) =>
    `${entry(p.service)}: rto ${p.rto} is longer than its mtpd ${p.mtpd}, so recovery would end after the disruption became intolerable: shorten the rto to at most ${p.mtpd}, or correct the mtpd`,

  singleProvider(p) {
    const n = p.providers.length;
    const need = p.explicit
      ? `its minProviders is ${p.min}: add ${plural(p.min - n, 'provider')} at ${p.min - n === 1 ? 'another site' : 'other sites'}, or lower minProviders`
      : `high and critical services need at least ${p.min} providers at different sites: add a second provider, or set minProviders: 1 if you accept the risk`;
    return `service ${p.service}${p.criticality !== undefined ? ` (${p.criticality})` : ''} has ${plural(n, 'provider')} (${list(p.providers)}); ${need}`;
  },

  staleContact: (p) => overdue('contact', p, 'confirm the details'),
  staleAccess: (p) =>
    overdue(
      'access entry',
      p,
      'check that the credential is where the vault says, still works and the holders can reach it',
    ),

  unknownLevel(p) {
    const first = p.scale[0]!.level;
    const last = p.scale.at(-1)!.level;
    const fix =
      p.byLabel !== undefined
        ? `write the level number ${p.byLabel} instead of its label`
        : `use one of ${first}–${last} (${p.scale.map((l) => `${l.level} ${l.label}`).join(', ')})`;
    return `${entry(p.scenario)}: ${p.axis} ${p.value} is not ${p.axis === 'impact' ? 'an' : 'a'} ${p.axis} level of ${p.defaultMatrix ? 'the default matrix' : 'riskMatrix'}: ${fix}`;
  },

  unknownReference(p) {
    const fix = p.guess
      ? `did you mean ${p.guess}? Correct the id, or add ${p.kind} ${p.id} under ${SECTION[p.kind]}`
      : `add ${p.kind} ${p.id} under ${SECTION[p.kind]}, or correct the id`;
    return `${referrer(p.from)} refers to ${p.kind} ${p.id}, which is not defined: ${fix}`;
  },

  untreatedRisk(p) {
    const steps =
      p.missing.length === 1
        ? `no ${p.missing[0]} step`
        : `no ${list([...p.missing]).replace(' and ', ' or ')} steps`;
    return `${entry(p.scenario)} is rated ${p.class} (likelihood ${p.likelihood}, impact ${p.impact}; not acceptable) but has ${steps}: add ${p.missing.length === 1 ? 'one' : 'them'} under ${list(p.missing.map((m) => `measures.${m}`))}`;
  },

  verifiedInFuture(p) {
    const name = (noun: string) => (p.id !== undefined ? `${noun} ${p.id}` : `${noun} #${p.index + 1}`);
    const [what, fix] = {
      plan: ['the plan is marked reviewed', 'write the date of the last review that took place'],
      contact: [
        `${name('contact')} is marked verified`,
        'write the date the details were actually confirmed',
      ],
      access: [
        `${name('access entry')} is marked verified`,
        'write the date the access was actually checked',
      ],
      exercise: [
        `exercise #${p.index + 1} is dated`,
        'record an exercise once it has taken place, with the day it was held',
      ],
    }[p.what];
    return `${what} ${date(p.date)}, ${plural(p.daysAhead, 'day')} after today (${date(p.asOf)}): ${fix}`;
  },

  secretInPlan(p) {
    const place = p.isKey ? `the key ${p.path || '(top level)'}` : p.path || 'the document';
    return (
      `${place} holds ${list(p.kinds.map((k) => SECRET[k]))} (${p.shown}): remove it and write only where it is kept ` +
      '(e.g. vault: "Tresor Büro 2.14, Umschlag R-1"); change the credential too, it is in the file’s history now'
    );
  },
};
