// Facts for every message of the rules, in each of its variants: test/messages.test.ts words
// them in every language. SHOW_MESSAGES=de npx vitest run test/messages.test.ts prints them.
import type { Messages } from '../../src/checks/messages/types.js';
import { parseDuration } from '../../src/plan/dates.js';

const d = (s: string) => new Date(`${s}T00:00:00`);
const P12M = parseDuration('P12M')!;
const P1Y6M = parseDuration('P1Y6M')!;
const P90D = parseDuration('P90D')!;
const cmd = (file: string, id: string) => `\`bcplan verify ${file} ${id}\``;

export type Samples = { [K in keyof Messages]: Parameters<Messages[K]>[0][] };

/** Ids and values a worded message must still show as written. */
export const SAMPLES: Samples = {
  ruleFailed: [{ rule: 'no-deputy', error: 'boom-42' }],
  contractEnding: [
    { provider: 'callpartner-nord', due: d('2027-01-31'), daysLeft: 66 },
    { provider: 'callpartner-nord', due: d('2027-01-31'), daysLeft: 1 },
    { provider: 'callpartner-nord', due: d('2026-11-26'), daysLeft: 0 },
    { provider: 'callpartner-nord', due: d('2026-10-01'), daysLeft: -56 },
  ],
  deputyIsPrimary: [{ role: { kind: 'role', id: 'it-oncall', pointer: '/roles/2' }, primary: 'max-braun' }],
  duplicateId: [
    { kind: 'contact', id: 'anna-berg', line: 12 },
    { kind: 'access', id: 'vpn-admin', file: 'shared/contacts.yaml', line: 40 },
  ],
  exerciseOverdue: [
    {
      scenario: 'ransomware-wms',
      risk: 'hoch',
      last: { date: d('2025-10-07'), lastDays: -415, every: P12M, due: d('2026-10-07') },
    },
    { scenario: 'ransomware-wms' },
  ],
  matrixGridRows: [
    { rows: 4, levels: 5 },
    { rows: 1, levels: 1 },
  ],
  matrixGridCells: [
    { row: 2, likelihood: 2, cells: 4, levels: 5 },
    { row: 3, cells: 1, levels: 2 },
  ],
  matrixUnknownClass: [
    { row: 2, likelihood: 2, cell: 3, value: 'mittel', classes: ['niedrig', 'hoch'] },
    { row: 1, cell: 1, value: 'x', classes: [] },
  ],
  matrixNoUpTo: [
    { class: { kind: 'class', id: 'hoch', pointer: '/classes/2' } },
    { class: { kind: 'class', id: undefined, pointer: '/classes/2' } },
  ],
  matrixNoClasses: [{ highest: 25, likelihood: 5, impact: 5 }],
  matrixTooLow: [{ upTo: 16, class: 'hoch', highest: 25, likelihood: 5, impact: 5 }],
  noDeputy: [
    {
      role: { kind: 'role', id: 'woordvoerder', pointer: '/roles/3' },
      title: 'Woordvoerder',
      primary: 'eva-jansen',
    },
    { role: { kind: 'role', id: undefined, pointer: '/roles/3' } },
  ],
  orphanContact: [{ id: 'lena-wolf', name: 'Lena Wolf' }, { id: 'lena-wolf' }],
  planReviewOverdue: [
    {
      plan: 'kundenservice',
      last: d('2025-09-01'),
      due: d('2026-09-01'),
      every: P12M,
      daysOverdue: 86,
      owner: 'bcm-lead',
    },
    { last: d('2024-09-01'), due: d('2026-03-01'), every: P1Y6M, daysOverdue: 1 },
  ],
  providerSameCompany: [
    { service: 'telefonie', providers: ['telco-a', 'telco-b'], name: 'Nordtel GmbH' },
    { service: 'telefonie', providers: ['telco-a', 'telco-b', 'telco-c'], name: 'Nordtel GmbH' },
  ],
  providerSameCountry: [
    {
      service: 'brukerstotte',
      country: 'NO',
      sites: [
        { provider: 'vestnett', city: 'Bergen' },
        { provider: 'nordlys', city: 'Trondheim' },
      ],
    },
    {
      service: 'brukerstotte',
      country: 'NO',
      sites: [
        { provider: 'vestnett', city: 'Bergen' },
        { provider: 'nordlys', city: 'Trondheim' },
        { provider: 'fjordtel', city: 'Tromsø' },
      ],
    },
  ],
  providerSameSite: [
    { service: 'rechenzentrum', providers: ['dc-nord', 'dc-sued'], city: 'Hamburg', country: 'DE' },
    {
      service: 'rechenzentrum',
      providers: ['dc-nord', 'dc-sued', 'dc-west'],
      city: 'Hamburg',
      country: 'DE',
    },
  ],
  respondExceedsRto: [
    {
      scenario: { kind: 'scenario', id: 'cyberangriff', pointer: '/scenarios/1' },
      total: 'PT5H',
      steps: ['PT30M', 'PT30M', 'PT4H'],
      rto: 'PT4H',
      service: 'kunden-hotline',
    },
    {
      scenario: { kind: 'scenario', id: undefined, pointer: '/scenarios/1' },
      total: 'P1D',
      steps: ['P1D'],
      rto: 'PT8H',
      service: 'kunden-hotline',
    },
  ],
  reviewDueSoon: [
    {
      kind: 'contact',
      id: 'tobias-krueger',
      due: d('2026-12-05'),
      daysLeft: 9,
      last: d('2025-12-05'),
      every: P12M,
      command: cmd('plan.yaml', 'tobias-krueger'),
    },
    {
      kind: 'access',
      id: 'vpn-admin',
      due: d('2026-11-26'),
      daysLeft: 0,
      last: d('2025-11-26'),
      every: P12M,
      command: cmd('plan.yaml', 'vpn-admin'),
    },
    {
      kind: 'plan',
      plan: 'kundenservice',
      due: d('2026-12-01'),
      daysLeft: 5,
      last: d('2025-12-01'),
      every: P12M,
    },
    { kind: 'plan', due: d('2026-11-27'), daysLeft: 1, last: d('2025-11-27'), every: P12M },
  ],
  rtoExceedsMtpd: [
    { service: { kind: 'service', id: 'hotline', pointer: '/services/0' }, rto: 'PT8H', mtpd: 'PT4H' },
  ],
  singleProvider: [
    { service: 'telefonie', criticality: 'critical', providers: ['telco-a'], min: 2, explicit: false },
    { service: 'telefonie', providers: ['telco-a', 'telco-b'], min: 3, explicit: true },
    { service: 'telefonie', providers: ['telco-a'], min: 3, explicit: true },
  ],
  staleContact: [
    {
      id: 'max-braun',
      last: d('2025-08-01'),
      lastDays: -482,
      every: P12M,
      due: d('2026-08-01'),
      command: cmd('plan.yaml', 'max-braun'),
    },
  ],
  staleAccess: [
    {
      id: 'vpn-admin',
      last: d('2026-08-27'),
      lastDays: -91,
      every: P90D,
      due: d('2026-11-25'),
      command: cmd('plan.yaml', 'vpn-admin'),
    },
  ],
  unknownLevel: [
    {
      scenario: { kind: 'scenario', id: 'brand', pointer: '/scenarios/0' },
      axis: 'likelihood',
      value: '"hoch"',
      defaultMatrix: false,
      byLabel: 4,
      scale: [
        { level: 1, label: 'selten' },
        { level: 4, label: 'hoch' },
      ],
    },
    {
      scenario: { kind: 'scenario', id: 'brand', pointer: '/scenarios/0' },
      axis: 'impact',
      value: '9',
      defaultMatrix: true,
      scale: [
        { level: 1, label: 'minor' },
        { level: 2, label: 'major' },
      ],
    },
  ],
  unknownReference: [
    { from: { at: 'plan', field: 'owner' }, kind: 'role', id: 'bcm-leed', guess: 'bcm-lead' },
    {
      from: { at: 'entry', entry: { kind: 'role', id: 'it-oncall', pointer: '/roles/1' }, field: 'deputies' },
      kind: 'contact',
      id: 'jon-doe',
    },
    {
      from: {
        at: 'entry',
        entry: { kind: 'scenario', id: 'brand', pointer: '/scenarios/0' },
        field: 'owner',
        step: { part: 'respond', n: 2 },
      },
      kind: 'role',
      id: 'facility',
    },
    {
      from: {
        at: 'entry',
        entry: { kind: 'access', id: 'vpn-admin', pointer: '/access/0' },
        field: 'holders',
      },
      kind: 'role',
      id: 'it-lead',
    },
    { from: { at: 'communication', audience: 'customers', field: 'owner' }, kind: 'role', id: 'pr' },
    { from: { at: 'communication', field: 'owner' }, kind: 'role', id: 'pr' },
    { from: { at: 'exercise', date: '2026-03-01', field: 'scenarios' }, kind: 'scenario', id: 'flut' },
    { from: { at: 'exercise', field: 'scenarios' }, kind: 'service', id: 'flut' },
  ],
  untreatedRisk: [
    {
      scenario: { kind: 'scenario', id: 'cyberangriff', pointer: '/scenarios/1' },
      class: 'high',
      likelihood: '3',
      impact: '5',
      missing: ['recover'],
    },
    {
      scenario: { kind: 'scenario', id: 'cyberangriff', pointer: '/scenarios/1' },
      class: 'high',
      likelihood: '3',
      impact: '5',
      missing: ['prevent', 'respond', 'recover'],
    },
  ],
  verifiedInFuture: [
    { what: 'plan', index: 0, date: d('2027-01-01'), daysAhead: 36, asOf: d('2026-11-26') },
    {
      what: 'contact',
      id: 'max-braun',
      index: 3,
      date: d('2026-11-27'),
      daysAhead: 1,
      asOf: d('2026-11-26'),
    },
    { what: 'access', index: 0, date: d('2027-01-01'), daysAhead: 36, asOf: d('2026-11-26') },
    { what: 'exercise', index: 1, date: d('2027-01-01'), daysAhead: 36, asOf: d('2026-11-26') },
  ],
  secretInPlan: [
    { path: 'access[0].vault', isKey: false, kinds: ['password'], shown: 'Passwort: ****' },
    {
      path: 'access[0]',
      isKey: true,
      kinds: ['pin', 'github-token', 'jwt'],
      shown: 'PIN ****, ghp_****, eyJ****',
    },
    { path: '', isKey: false, kinds: ['private-key'], shown: '-----BEGIN ****' },
    { path: '', isKey: true, kinds: ['api-token'], shown: 'token: ****' },
  ],
};
