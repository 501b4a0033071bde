import { testRule } from '../helpers/rule-tester.js';

// `contractEnds` is on line 8.
const plan = (ends: string) => `bcplan: 1
plan: { id: p }
providers:
  - id: cc-bergen
    name: Fjord Kundeservice AS
    services: [hotline]
    site: { city: Bergen, country: NO }
    contractEnds: ${ends}
`;

testRule('contract-ending', [
  {
    name: 'fires on a contract ending within 90 days',
    plan: plan('2027-01-15'),
    findings: [
      {
        line: 8,
        column: 19,
        pointer: '/providers/0/contractEnds',
        message:
          'the contract with provider cc-bergen ends 2027-01-15, in 54 days: renew or extend it, or start the exit plan and move its services to another provider',
      },
    ],
  },
  { name: 'does not fire on a contract ending in a year', plan: plan('2027-12-31'), findings: [] },
  {
    name: 'fires on the first day of the window (ends = as-of + 90 days)',
    plan: plan('2027-02-20'),
    findings: [{ line: 8, message: 'ends 2027-02-20, in 90 days' }],
  },
  { name: 'does not fire the day before the window', plan: plan('2027-02-21'), findings: [] },
  {
    name: 'fires on the day it ends',
    plan: plan('2026-11-22'),
    findings: [{ line: 8, message: 'ends today (2026-11-22): renew or extend it' }],
  },
  {
    name: 'fires on a contract that has ended',
    plan: plan('2026-11-21'),
    findings: [
      {
        line: 8,
        message: 'ended 2026-11-21, 1 day ago: if it was renewed, set contractEnds to the new end date',
      },
    ],
  },
  {
    name: 'the window is fixed at 90 days: the due window does not change it',
    plan: plan('2027-02-21'),
    dueWindow: 'P180D',
    findings: [],
  },
  {
    name: 'month ends: 90 days before 2027-05-31 is 2027-03-02',
    plan: plan('2027-05-31'),
    asOf: '2027-03-02',
    findings: [{ line: 8, message: 'in 90 days' }],
  },
  {
    name: 'no contractEnds, a malformed one or a provider that is not a map: nothing',
    plan: `bcplan: 1
plan: { id: p }
providers:
  - { id: a, name: A }
  - { id: b, name: B, contractEnds: end of 2026 }
  - { id: c, name: C, contractEnds: 2026-02-29 }
  - provider
`,
    findings: [],
  },
  {
    name: 'imported providers point into their fragment',
    plan: 'bcplan: 1\nimports: [providers.yaml]\nplan: { id: p }\n',
    files: {
      'providers.yaml': 'bcplan: 1\nproviders:\n  - id: x\n    name: X\n    contractEnds: 2026-12-01\n',
    },
    findings: [{ line: 5, file: 'providers.yaml', message: 'provider x ends 2026-12-01, in 9 days' }],
  },
]);
