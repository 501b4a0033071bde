import { testRule } from '../helpers/rule-tester.js';

// `reviewed` is on line 6.
const plan = (reviewed: string, reviewEvery = 'P12M') => `bcplan: 1
plan:
  id: customer-service
  title: T
  owner: continuity-manager
  reviewed: ${reviewed}
  reviewEvery: ${reviewEvery}
`;

testRule('plan-review-overdue', [
  {
    name: 'fires when reviewed + reviewEvery has passed',
    plan: plan('2025-09-01'),
    findings: [
      {
        line: 6,
        column: 13,
        pointer: '/plan/reviewed',
        message:
          'plan customer-service was last reviewed 2025-09-01 and was due for review 2026-09-01 (every 12 months), 82 days overdue: review it with its owner (role continuity-manager), then set plan.reviewed to the date of the review',
      },
    ],
  },
  { name: 'does not fire on a recent review', plan: plan('2026-02-10'), findings: [] },
  { name: 'does not fire exactly on the due date', plan: plan('2025-11-22'), findings: [] },
  {
    name: 'fires one day after the due date',
    plan: plan('2025-11-21'),
    findings: [{ line: 6, message: 'due for review 2026-11-21 (every 12 months), 1 day overdue' }],
  },
  {
    name: 'a shorter reviewEvery: 2026-05-31 + P3M is due 2026-08-31',
    plan: plan('2026-05-31', 'P3M'),
    asOf: '2026-09-01',
    findings: [{ line: 6, message: 'due for review 2026-08-31 (every 3 months), 1 day overdue' }],
  },
  {
    name: 'month end: 2026-01-31 + P1M is due 2026-02-28, not overdue that day',
    plan: plan('2026-01-31', 'P1M'),
    asOf: '2026-02-28',
    findings: [],
  },
  {
    name: 'leap day: 2024-02-29 + P1Y is due 2025-02-28, overdue on 2025-03-01',
    plan: plan('2024-02-29', 'P1Y'),
    asOf: '2025-03-01',
    findings: [{ line: 6, message: 'due for review 2025-02-28 (every 1 year), 1 day overdue' }],
  },
  {
    name: 'a malformed reviewEvery falls back to P12M (the schema reports it)',
    plan: plan('2025-09-01', '12 months'),
    findings: [{ line: 6, message: '(every 12 months)' }],
  },
  {
    name: 'stale-after does not change the plan review interval',
    plan: plan('2026-06-01'),
    staleAfter: 'P1M',
    findings: [],
  },
  {
    name: 'a plan without id or owner still gets the finding',
    plan: 'bcplan: 1\nplan:\n  reviewed: 2020-01-01\n',
    findings: [
      { line: 3, message: /^the plan was last reviewed 2020-01-01 .*review it with its owner, then/ },
    ],
  },
  {
    name: 'no reviewed date, a malformed one, or no plan section: nothing',
    plan: 'bcplan: 1\nplan:\n  id: p\n  reviewed: 2020-02-30\n',
    findings: [],
  },
  { name: 'a plan section that is not a map', plan: 'bcplan: 1\nplan: [1, 2]\n', findings: [] },
]);
