import { testRule } from '../helpers/rule-tester.js';

const plan = (d: { contact?: string; reviewed?: string; access?: string; exercise?: string }) => `bcplan: 1
plan:
  id: p
  reviewed: ${d.reviewed ?? '2026-01-01'}
contacts:
  - id: anna
    verified: ${d.contact ?? '2026-01-01'}
access:
  - id: vpn
    verified: ${d.access ?? '2026-01-01'}
exercises:
  - date: ${d.exercise ?? '2026-01-01'}
    kind: tabletop
    scenarios: [s]
`;

testRule('verified-in-future', [
  {
    name: 'fires on a contact verified tomorrow',
    plan: plan({ contact: '2026-11-23' }),
    findings: [
      {
        line: 7,
        column: 15,
        pointer: '/contacts/0/verified',
        message:
          'contact anna is marked verified 2026-11-23, 1 day after today (2026-11-22): write the date the details were actually confirmed',
      },
    ],
  },
  {
    name: 'a date of today is fine',
    plan: plan({ contact: '2026-11-22', reviewed: '2026-11-22' }),
    findings: [],
  },
  { name: 'past dates are fine', plan: plan({}), findings: [] },
  {
    name: 'plan.reviewed, access and exercise dates in the future, in file order',
    plan: plan({ reviewed: '2027-01-01', access: '2026-12-22', exercise: '2027-11-22' }),
    findings: [
      {
        line: 4,
        pointer: '/plan/reviewed',
        message: 'the plan is marked reviewed 2027-01-01, 40 days after today',
      },
      {
        line: 10,
        pointer: '/access/0/verified',
        message: 'access entry vpn is marked verified 2026-12-22, 30 days',
      },
      {
        line: 12,
        pointer: '/exercises/0/date',
        message: 'exercise #1 is dated 2027-11-22, 365 days after today',
      },
    ],
  },
  {
    name: 'follows --as-of',
    plan: plan({ contact: '2026-11-23' }),
    asOf: '2026-11-23',
    findings: [],
  },
  {
    name: 'a typo year in a fragment validated on its own',
    plan: 'bcplan: 1\ncontacts:\n  - id: anna\n    phone: "1"\n    verified: 2062-01-15\n',
    findings: [{ line: 5, message: 'contact anna is marked verified 2062-01-15' }],
  },
  {
    name: 'an entry without id is named by its position',
    plan: 'bcplan: 1\nplan: { id: p }\ncontacts:\n  - name: X\n  - verified: 2030-01-01\n',
    findings: [{ line: 5, message: 'contact #2 is marked verified 2030-01-01' }],
  },
  {
    name: 'malformed or impossible dates are left to the schema',
    plan: plan({ contact: '2030-02-30', reviewed: '"soon"', access: '[2030-01-01]', exercise: '20300101' }),
    findings: [],
  },
]);
