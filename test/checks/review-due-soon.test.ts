import { testRule } from '../helpers/rule-tester.js';

// The contact's `verified` is on line 8, the plan's `reviewed` on line 5.
const plan = (verified: string, reviewed = '2026-06-01') => `bcplan: 1
plan:
  id: customer-service
  title: T
  reviewed: ${reviewed}
contacts:
  - id: jonas-weber
    verified: ${verified}
    phone: "+49 541 5550102"
`;

testRule('review-due-soon', [
  {
    name: 'fires on a contact due in 8 days',
    plan: plan('2025-11-30'),
    findings: [
      {
        line: 8,
        column: 15,
        pointer: '/contacts/0/verified',
        message:
          /^contact jonas-weber falls due for re-verification on 2026-11-30, in 8 days \(last verified 2025-11-30, every 12 months\): confirm the details, then run `bcplan verify \S*plan\.yaml jonas-weber`$/,
      },
    ],
  },
  { name: 'does not fire well before the window', plan: plan('2026-06-01'), findings: [] },
  {
    name: 'fires on the first day of the window (due - 30 days = as-of)',
    plan: plan('2025-12-22'),
    findings: [{ line: 8, message: 'on 2026-12-22, in 30 days' }],
  },
  { name: 'does not fire the day before the window opens', plan: plan('2025-12-23'), findings: [] },
  {
    name: 'fires on the due date itself',
    plan: plan('2025-11-22'),
    findings: [{ line: 8, message: 'on 2026-11-22, today' }],
  },
  {
    name: 'one day after the due date it is stale, not due soon (stale-contact reports it)',
    plan: plan('2025-11-21'),
    findings: [],
  },
  {
    name: 'a custom due window of P60D',
    plan: plan('2025-12-23'),
    dueWindow: 'P60D',
    findings: [{ line: 8, message: 'in 31 days' }],
  },
  {
    name: 'the window follows a custom stale-after',
    plan: plan('2026-05-30'),
    staleAfter: 'P6M',
    findings: [{ line: 8, message: 'on 2026-11-30, in 8 days (last verified 2026-05-30, every 6 months)' }],
  },
  {
    name: 'the plan review falling due',
    plan: plan('2026-10-01', '2025-12-10'),
    findings: [
      {
        line: 5,
        pointer: '/plan/reviewed',
        message:
          'plan customer-service falls due for review on 2026-12-10, in 18 days (last reviewed 2025-12-10, every 12 months)',
      },
    ],
  },
  {
    name: 'the plan review with its own reviewEvery',
    plan: 'bcplan: 1\nplan:\n  id: p\n  reviewEvery: P6M\n  reviewed: 2026-06-01\n',
    findings: [{ line: 5, message: 'on 2026-12-01, in 9 days (last reviewed 2026-06-01, every 6 months)' }],
  },
  {
    name: 'an access entry falling due, in a fragment validated on its own',
    plan: 'bcplan: 1\naccess:\n  - id: vpn\n    verified: 2025-12-01\n',
    findings: [{ line: 4, message: /^access entry vpn falls due .*`bcplan verify \S*plan\.yaml vpn`$/ }],
  },
  {
    name: 'exercises and contracts are not its business',
    plan: `bcplan: 1
plan: { id: p }
scenarios:
  - { id: s, title: S, likelihood: 5, impact: 5, owner: r }
exercises:
  - { date: 2025-12-01, kind: tabletop, scenarios: [s] }
providers:
  - { id: pr, name: P, services: [x], contractEnds: 2026-12-01 }
`,
    findings: [],
  },
  {
    name: 'malformed dates draw nothing',
    plan: plan('next week', '2026-13-01'),
    findings: [],
  },
]);
