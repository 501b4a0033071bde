import { testRule } from '../helpers/rule-tester.js';

// Every reference field of SPEC §2, all resolving.
const clean = `bcplan: 1
plan:
  id: p
  owner: lead
  emergencyOfficer: lead
  approvedBy: lead
  activation: { authorizedRoles: [lead] }
roles:
  - { id: lead, title: Lead, primary: anna, deputies: [ben] }
contacts:
  - { id: anna, name: Anna }
  - { id: ben, name: Ben }
providers:
  - { id: cc, name: CC, services: [hotline], contacts: [ben] }
services:
  - { id: hotline, name: Hotline }
scenarios:
  - id: outage
    owner: lead
    services: [hotline]
    measures:
      prevent: [{ action: a, owner: lead }]
      respond: [{ action: b, owner: lead }]
      recover: [{ action: c, owner: lead }]
communication:
  - { audience: staff, owner: lead, channel: SMS }
access:
  - { id: vpn, holders: [lead] }
exercises:
  - { date: 2026-05-01, scenarios: [outage] }
`;

testRule('unknown-reference', [
  { name: 'does not fire when every reference resolves', plan: clean, findings: [] },
  {
    name: 'fires on every kind of reference, at the reference',
    plan: `bcplan: 1
plan:
  id: p
  owner: boss
  emergencyOfficer: lead
  approvedBy: boss
  activation: { authorizedRoles: [lead, boss] }
roles:
  - { id: lead, title: Lead, primary: annna, deputies: [ben, carl] }
contacts:
  - { id: anna, name: Anna }
  - { id: ben, name: Ben }
providers:
  - { id: cc, name: CC, services: [hotline, chat], contacts: [dora] }
services:
  - { id: hotline, name: Hotline }
scenarios:
  - id: outage
    owner: boss
    services: [mail]
    measures:
      prevent: [{ action: a, owner: lead }]
      respond: [{ action: b, owner: lead }, { action: c, owner: it }]
      recover: [{ action: d, owner: lead }]
communication:
  - { audience: media, owner: press, channel: Website }
access:
  - { id: vpn, holders: [lead, it] }
exercises:
  - { date: 2026-05-01, scenarios: [outag] }
`,
    findings: [
      { line: 4, pointer: '/plan/owner', message: 'plan owner refers to role boss, which is not defined' },
      { line: 6, pointer: '/plan/approvedBy', message: 'plan approvedBy refers to role boss' },
      {
        line: 7,
        pointer: '/plan/activation/authorizedRoles/1',
        message: 'authorizedRoles refers to role boss',
      },
      {
        line: 9,
        pointer: '/roles/0/primary',
        message: 'role lead (primary) refers to contact annna, which is not defined: did you mean anna?',
      },
      {
        line: 9,
        pointer: '/roles/0/deputies/1',
        message:
          'role lead (deputies) refers to contact carl, which is not defined: add contact carl under contacts',
      },
      {
        line: 14,
        pointer: '/providers/0/contacts/0',
        message: 'provider cc (contacts) refers to contact dora',
      },
      {
        line: 14,
        pointer: '/providers/0/services/1',
        message: 'provider cc (services) refers to service chat',
      },
      { line: 19, message: 'scenario outage (owner) refers to role boss' },
      { line: 20, message: 'scenario outage (services) refers to service mail' },
      {
        line: 23,
        pointer: '/scenarios/0/measures/respond/1/owner',
        message: 'respond step 2 (owner) refers to role it',
      },
      { line: 26, message: 'communication to media (owner) refers to role press' },
      { line: 28, pointer: '/access/0/holders/1', message: 'access vpn (holders) refers to role it' },
      {
        line: 30,
        message:
          'exercise 2026-05-01 (scenarios) refers to scenario outag, which is not defined: did you mean outage?',
      },
    ],
  },
  {
    name: 'references in an imported fragment resolve against the plan and point into the fragment',
    plan: `bcplan: 1
imports: [shared.yaml]
plan: { id: p, owner: lead, emergencyOfficer: lead }
contacts:
  - { id: anna, name: Anna }
`,
    files: {
      'shared.yaml': `bcplan: 1
roles:
  - id: lead
    primary: anna
    deputies: [zoe]
`,
    },
    findings: [{ line: 5, file: 'shared.yaml', pointer: '/roles/0/deputies/0', message: 'contact zoe' }],
  },
  {
    name: 'a single id written where a list belongs is still checked',
    plan: `bcplan: 1
plan: { id: p }
roles:
  - { id: lead, primary: anna, deputies: bob }
contacts:
  - { id: anna }
`,
    findings: [{ line: 4, pointer: '/roles/0/deputies', message: 'refers to contact bob' }],
  },
  {
    name: 'schema-broken data: numbers as ids resolve, objects and nulls are skipped, roles without id are named by index',
    plan: `bcplan: 1
plan: { id: p, owner: { id: lead }, emergencyOfficer: null, activation: broken }
roles:
  - { title: No id, primary: 7, deputies: [null, {}, 8] }
contacts:
  - { id: 7, name: Seven }
scenarios:
  - { id: s, measures: { respond: [oops, { owner: [lead] }] } }
communication: nope
exercises: [{ scenarios: { a: 1 } }]
`,
    findings: [
      { line: 4, pointer: '/roles/0/deputies/2', message: 'roles[0] (deputies) refers to contact 8' },
    ],
  },
  {
    name: 'is not run on a fragment validated on its own',
    plan: `bcplan: 1
roles:
  - { id: lead, primary: someone-elsewhere }
`,
    findings: [],
  },
]);
